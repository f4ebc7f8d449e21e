using Negotiations.Kernel;

namespace Negotiations.Understandings;

/// <summary>Marks an endpoint method whose only work is <see cref="KnownUnderstandings.CheckAsync"/> on the command's property of this name.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChecksNamedUnderstandingsAttribute(string property) : ChecksNamedAttribute(typeof(Understanding), property);
