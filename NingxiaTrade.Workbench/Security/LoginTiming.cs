using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// A sign-in for an unknown e-mail costs what one for a known account costs: the password is checked against a
/// dummy hash of the same algorithm, so neither the answer nor its timing tells whether the account exists.
/// </summary>
public sealed class LoginTiming(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    private static string? s_dummyHash;

    public void CheckAgainstDummy(string password)
    {
        var hash = s_dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, hash, password ?? "");
    }
}
