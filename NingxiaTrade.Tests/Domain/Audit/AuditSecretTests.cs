using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Tests.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.Audit;

/// <summary>
/// Secrets are masked by a rule on the model, not by a list of names: every property that looks secret-bearing
/// must be marked secret, or declared harmless here with the reason.
/// </summary>
public class AuditSecretTests : MarketEntityTestBase
{
    /// <summary>Words and types that suggest a property carries a secret.</summary>
    private static readonly string[] SuspectWords =
        ["key", "secret", "token", "hash", "salt", "nonce", "pin", "recovery", "stamp", "password", "xml", "private", "seed", "otp", "cipher", "encrypted", "credential"];

    /// <summary>Properties that look secret-bearing but are not, each with why. This test owns the list.</summary>
    private static readonly Dictionary<string, string> NotSecret = new()
    {
        ["ApplicationUser.ConcurrencyStamp"] = "Identity's optimistic-concurrency marker, random per update, grants nothing",
        ["IdentityUserLogin<string>.LoginProvider"] = "name of the external provider",
        ["IdentityUserLogin<string>.ProviderKey"] = "the user's id at the external provider, not a credential",
        ["IdentityUserToken<string>.LoginProvider"] = "part of the token's key: which provider",
        ["IdentityUserToken<string>.Name"] = "part of the token's key: which token (AuthenticatorKey, RecoveryCodes)",
        ["IdentityRole.ConcurrencyStamp"] = "Identity's optimistic-concurrency marker",
        ["DataProtectionKey.FriendlyName"] = "the key's id, not its material",
        ["ProjectDuty.DutyKey"] = "the English name of a duty of the flow (SignContract)",
        ["ProjectEvent.EventKey"] = "the English name of an event of the catalogue (ContractSigned)",
        ["ProjectEvent.StepKey"] = "the English name of the step that recorded the event",
        ["ApiKey.Prefix"] = "the first characters of the key, shown to Admins to tell keys apart",
        ["ElectronicSeal.PublicKey"] = "published in the registry",
        ["MarketEntityChange.OldKeyData"] = "the entity's key data before a change (name, accounts, qualifications, staff): registry data, not a key",
        ["MarketEntityChange.NewKeyData"] = "the key data a change asks for: registry data, not a key",
        ["ElectronicSeal.KeyId"] = "fingerprint of the public key",
        ["SignatureRecord.KeyId"] = "fingerprint of the public key",
        ["SignatureRecord.Token"] = "the signature handed to the signer and verifiable by anyone",
        ["TenderDocument.SignatureToken"] = "the tenderer's public signature over the documents' SM3, verifiable by anyone",
        ["Amendment.SignatureToken"] = "the tenderer's public signature over the amendment's content digest, verifiable by anyone",
        ["SignatureRecord.DocumentSm3"] = "digest of the signed document, part of the public signature",
        ["AuditEntry.Hash"] = "the chain's own hash",
        ["AuditEntry.PreviousHash"] = "the chain's own hash",
        ["AuditEntry.EntityKey"] = "primary key of the changed row",
        ["ExpertDraw.Seed"] = "recorded so supervisors can replay the draw; the drawn names are in the log anyway",
        ["AuditAnchor.Hash"] = "the published chain head",
        ["AuditAnchor.KeyId"] = "fingerprint of the platform's public anchor key",
        ["AuditAnchor.PublicKey"] = "published with every anchor",
        ["ElectronicSeal.WrapKeyId"] = "names the platform key in the key file; the key itself is not in the database",
        ["DocumentTemplate.Content"] = "the uploaded .docx template, published to clerks",
        ["DrawGroup.PoolHash"] = "digest of the candidate pool, published for re-verification",
        ["DrawGroup.Pool"] = "the candidate experts' ids, kept for re-verification",
        ["SealedBid.PasswordIterations"] = "the PBKDF2 iteration count of the bidder's password, a public parameter",
        ["SealedBid.EscrowKeyId"] = "fingerprint of the escrow public key",
        ["SealedBid.OpenedKeyWrapId"] = "names the platform key in the key file; the key itself is not in the database",
        ["SealedBid.SignatureToken"] = "the bidder's public seal signature over the bid manifest's SM3, verifiable by anyone",
        ["SealedBid.ReceiptToken"] = "the receipt the platform signed and handed to the bidder, verifiable by anyone",
        ["SealedBidFile.CipherSm3"] = "digest of the stored ciphertext, printed on the receipt",
        ["SealedBidFile.CipherSizeBytes"] = "size of the stored ciphertext, printed on the receipt",
        ["BidOpening.RecordKeyId"] = "fingerprint of the platform's public key that signed the record",
    };

    [Fact]
    public void Model_EverySecretLookingProperty_IsMarkedSecretOrDeclaredHarmless()
    {
        using var db = Database.CreateDbContext();
        var unexplained = new List<string>();
        var stale = new HashSet<string>(NotSecret.Keys);
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                var name = $"{entityType.DisplayName()}.{property.Name}";
                stale.Remove(name);
                if (LooksSecret(property) && !property.IsSecret() && !NotSecret.ContainsKey(name))
                {
                    unexplained.Add(name);
                }
            }
        }
        Assert.True(unexplained.Count == 0,
            "Mark these secret ([Secret] or .IsSecret()) or declare them harmless in NotSecret: " + string.Join(", ", unexplained));
        Assert.True(stale.Count == 0, "NotSecret names properties the model no longer has: " + string.Join(", ", stale));
    }

    [Theory]
    [InlineData("ApplicationUser", "PasswordHash")]
    [InlineData("ApplicationUser", "SecurityStamp")]
    [InlineData("IdentityUserToken<string>", "Value")]
    [InlineData("DataProtectionKey", "Xml")]
    [InlineData("ApiKey", "KeyHash")]
    [InlineData("ElectronicSeal", "EncryptedPrivateKey")]
    [InlineData("ElectronicSeal", "Salt")]
    [InlineData("ElectronicSeal", "Nonce")]
    public void Model_KnownSecret_IsMarkedSecret(string entityType, string property)
    {
        using var db = Database.CreateDbContext();
        var type = db.Model.GetEntityTypes().Single(t => t.DisplayName() == entityType);
        Assert.True(type.FindProperty(property)!.IsSecret());
    }

    [Fact]
    public async Task AuditLog_AuthenticatorEnabledAndSealCreated_HoldsNoSecretValue()
    {
        var (entityId, userId, _) = await ApprovedEntityAsync();
        var secrets = new List<string>();

        await using (var services = IdentityServices())
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
            secrets.Add((await users.GetAuthenticatorKeyAsync(user))!);
            secrets.AddRange((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!);
            Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        }
        await using (var db = Database.CreateDbContext())
        {
            var seal = await db.ElectronicSeals.AsNoTracking().SingleAsync(s => s.MarketEntityId == entityId);
            foreach (var bytes in new[] { seal.EncryptedPrivateKey, seal.Salt, seal.Nonce })
            {
                secrets.Add(Convert.ToBase64String(bytes));
                secrets.Add(Convert.ToHexString(bytes));
                secrets.Add(Convert.ToHexStringLower(bytes));
            }
        }

        await using var read = Database.CreateDbContext();
        var log = await read.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Contains(log, e => e.EntityType == "IdentityUserToken<string>");
        Assert.Contains(log, e => e.EntityType == "ElectronicSeal");
        foreach (var entry in log)
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, entry.Changes, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static bool LooksSecret(IReadOnlyProperty property)
    {
        if (property.ClrType == typeof(byte[]))
        {
            return true;
        }
        // Camel-case words, so "Opinion" is not a PIN and "TimestampUtc" not a stamp.
        var words = System.Text.RegularExpressions.Regex.Matches(property.Name, "[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
            .Select(m => m.Value.ToLowerInvariant());
        return words.Any(word => SuspectWords.Contains(word) || SuspectWords.Contains(word.TrimEnd('s')));
    }

    private ServiceProvider IdentityServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<TradeDbContext>(_ => Database.CreateDbContext());
        services.AddIdentityCore<ApplicationUser>().AddEntityFrameworkStores<TradeDbContext>();
        return services.BuildServiceProvider();
    }
}
