using System.Diagnostics;
using NingxiaTrade.Domain.MarketEntities;

// The cost of one PIN check for a seal: what the signer waits for, and what each offline guess costs an attacker
// who holds both the database and the platform key file. Prints the median of several derivations per setting.
var settings = new[]
{
    ("Argon2id 64 MiB, 3 passes (default)", new SealKdf(64 * 1024, 3, 1)),
    ("Argon2id 19 MiB, 2 passes (OWASP minimum)", new SealKdf(19 * 1024, 2, 1)),
};
var salt = SealCrypto.RandomBytes(16);
foreach (var (name, kdf) in settings)
{
    SealCrypto.DeriveKeyArgon2id("802416", salt, kdf);
    var times = new List<double>();
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        SealCrypto.DeriveKeyArgon2id("802416", salt, kdf);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name}: median {times[2]:F0} ms per PIN derivation");
}
var pbkdf2 = Stopwatch.StartNew();
SealCrypto.DeriveKey("802416", salt, 600_000);
Console.WriteLine($"PBKDF2-SHA256 600,000 iterations (format 1): {pbkdf2.Elapsed.TotalMilliseconds:F0} ms");
