using System.Security.Cryptography;
using System.Text;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.ApiKeys;

/// <summary>
/// A key an Admin issues to a partner system (national platform, a city system) for the non-public /api.
/// Only the SHA-256 of the secret is stored; the secret is shown once, when issued.
/// </summary>
public class ApiKey
{
    public const string SecretPrefix = "nxt_";

    private ApiKey() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The first characters of the secret, to tell keys apart on screen and to find a key fast.</summary>
    public string Prefix { get; private set; } = "";
    [Secret]
    public string KeyHash { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTime? ExpiresUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }

    /// <summary>Creates a key and returns it with its secret, which is not kept anywhere.</summary>
    public static (ApiKey Key, string Secret) Issue(string name, string? createdBy, DateTime nowUtc, DateTime? expiresUtc)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("接入系统名称应为2至100个字符。");
        }
        if (expiresUtc is not null && expiresUtc <= nowUtc)
        {
            throw new DomainException("有效期必须晚于当前时间。");
        }
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = secret[..12],
            KeyHash = Hash(secret),
            CreatedUtc = nowUtc,
            CreatedBy = createdBy,
            ExpiresUtc = expiresUtc,
        };
        return (key, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsValidAt(DateTime nowUtc) => RevokedUtc is null && (ExpiresUtc is null || ExpiresUtc > nowUtc);

    /// <summary>Constant-time comparison of a presented secret with the stored hash.</summary>
    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(KeyHash));

    public void Revoke(DateTime nowUtc)
    {
        if (RevokedUtc is not null)
        {
            throw new DomainException("该密钥已吊销。");
        }
        RevokedUtc = nowUtc;
    }
}
