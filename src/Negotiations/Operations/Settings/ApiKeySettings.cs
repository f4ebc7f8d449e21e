using System.Security.Cryptography;
using System.Text;

namespace Negotiations.Operations.Settings;

/// <summary>
/// One API key: the user it acts as, its roles, and the SHA-256 of the key (hex). The key itself is
/// never stored. Configured as Negotiations__ApiKeys__0__User, ...__Roles__0, ...__KeyHash.
/// </summary>
public sealed class ApiKey
{
    public string User { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public string KeyHash { get; set; } = "";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
