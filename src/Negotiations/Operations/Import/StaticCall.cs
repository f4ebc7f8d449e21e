using System.Linq.Expressions;
using System.Reflection;

namespace Negotiations.Operations.Import;

/// <summary>
/// A static endpoint step of one or two arguments as a compiled delegate: called per line, where MethodInfo.Invoke would
/// allocate an argument array and go through reflection every time.
/// </summary>
internal static class StaticCall
{
    public static Func<object, object?, object?> Compile(MethodInfo method)
    {
        var (first, second) = (Expression.Parameter(typeof(object)), Expression.Parameter(typeof(object)));
        var arguments = method.GetParameters().Select((p, i) => Expression.Convert(i == 0 ? first : second, p.ParameterType));
        var call = Expression.Call(method, arguments);
        return Expression.Lambda<Func<object, object?, object?>>(Expression.Convert(call, typeof(object)), first, second).Compile();
    }
}
