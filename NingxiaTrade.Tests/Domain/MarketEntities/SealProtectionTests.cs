using System.Text;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

/// <summary>
/// A seal's private key is kept under the PIN (Argon2id) and again under a platform key outside the database, so
/// the database alone allows no PIN search; older PBKDF2 seals still open and move to the new format.
/// </summary>
public class SealProtectionTests : MarketEntityTestBase
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("银川市某学校改扩建工程 投标文件");

    [Fact]
    public async Task Create_NewSeal_UsesArgon2idAndThePlatformWrap()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var seal = await SealAsync(id);

        Assert.Equal(ElectronicSeal.CurrentFormat, seal.FormatVersion);
        Assert.Equal(Seals.PlatformKeys.CurrentSealWrapKeyId, seal.WrapKeyId);
        Assert.Equal(Seals.Kdf, new SealKdf(seal.KdfMemoryKib, seal.Iterations, seal.KdfParallelism));
    }

    [Fact]
    public async Task DatabaseAlone_CorrectPin_DoesNotOpenThePrivateKey()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var seal = await SealAsync(id);

        // Everything the database holds, and even the right PIN: without the platform key nothing decrypts.
        var pinKey = SealCrypto.DeriveKeyArgon2id(Pin, seal.Salt, new SealKdf(seal.KdfMemoryKib, seal.Iterations, seal.KdfParallelism));
        Assert.Null(SealCrypto.Decrypt(pinKey, seal.Nonce, seal.EncryptedPrivateKey, id.ToByteArray()));
        Assert.Null(SealCrypto.Decrypt(pinKey, seal.Nonce, seal.EncryptedPrivateKey[12..], id.ToByteArray()));
    }

    [Fact]
    public async Task SignAsync_OtherPlatformKeyFile_RefusedWithoutCountingAFailure()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var stranger = new SignatureService(Database, Database.User, Database.Time, new SealProtection(
            new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, PlatformKeyRing.CreateNew()));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => stranger.SignAsync(id, Pin, Document));

        Assert.Contains("平台密钥", refusal.Message);
        Assert.Equal(0, (await SealAsync(id)).FailedAttempts);
    }

    [Fact]
    public async Task SignAsync_FormatOneSeal_SignsAndIsReprotectedWithArgon2idAndWrap()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var seal = await SealAsync(id);
        var (privateKey, publicKey) = SealCrypto.GenerateKeyPair();
        var salt = SealCrypto.RandomBytes(16);
        var nonce = SealCrypto.RandomBytes(12);
        var encrypted = SealCrypto.Encrypt(SealCrypto.DeriveKey(Pin, salt, 1_000), nonce, privateKey, id.ToByteArray());
        await using (var db = Database.CreateDbContext())
        {
            // A seal as the PBKDF2 version wrote it, before this change.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE ElectronicSeals SET PublicKey = {publicKey}, KeyId = {SealCrypto.KeyId(publicKey)}, EncryptedPrivateKey = {encrypted},
                Salt = {salt}, Nonce = {nonce}, Iterations = {1_000}, FormatVersion = {1}, WrapKeyId = {null}, KdfMemoryKib = {0}, KdfParallelism = {0}
                WHERE Id = {seal.Id}
                """);
        }

        var record = await Signatures.SignAsync(id, Pin, Document);

        Assert.True((await Signatures.VerifyAsync(Document, record.Token)).Valid);
        var after = await SealAsync(id);
        Assert.Equal(ElectronicSeal.CurrentFormat, after.FormatVersion);
        Assert.Equal(Seals.PlatformKeys.CurrentSealWrapKeyId, after.WrapKeyId);
        Assert.Equal(publicKey, after.PublicKey);
        Assert.NotEqual(encrypted, after.EncryptedPrivateKey);
        Assert.True((await Signatures.VerifyAsync(Document, (await Signatures.SignAsync(id, Pin, Document)).Token)).Valid);
    }

    [Fact]
    public async Task Rewrap_RotatedPlatformKey_SealOpensWithSamePin()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var rotated = new SealProtection(new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, Seals.PlatformKeys.WithNewSealWrapKey());

        var moved = await new SealKeyRotation(Database, rotated.PlatformKeys).RewrapAsync();

        Assert.Equal(1, moved);
        Assert.Equal(rotated.PlatformKeys.CurrentSealWrapKeyId, (await SealAsync(id)).WrapKeyId);
        var record = await new SignatureService(Database, Database.User, Database.Time, rotated).SignAsync(id, Pin, Document);
        Assert.True((await Signatures.VerifyAsync(Document, record.Token)).Valid);
    }

    [Fact]
    public void Open_ProductionWithoutKeyFile_RefusesWithClearMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nxt-tests", Guid.NewGuid().ToString("N"));

        var unset = Assert.Throws<InvalidOperationException>(() => PlatformKeyRing.Open(null, isDevelopment: false, folder));
        var missing = Assert.Throws<InvalidOperationException>(() => PlatformKeyRing.Open(Path.Combine(folder, "keys.json"), isDevelopment: false, folder));

        Assert.Contains("Security:PlatformKeyFile", unset.Message);
        Assert.Contains("不存在", missing.Message);
        Assert.False(System.IO.Directory.Exists(folder));
    }

    [Fact]
    public void Open_DevelopmentWithoutKeyFile_CreatesOneAndReopensTheSameKeys()
    {
        var folder = Path.Combine(Path.GetTempPath(), "nxt-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = PlatformKeyRing.Open(null, isDevelopment: true, folder);
            var again = PlatformKeyRing.Open(null, isDevelopment: true, folder);

            Assert.True(File.Exists(Path.Combine(folder, PlatformKeyRing.DevelopmentFileName)));
            Assert.Equal(first.CurrentSealWrapKey, again.CurrentSealWrapKey);
            Assert.Equal(first.CurrentAnchorPublicKey, again.CurrentAnchorPublicKey);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<ElectronicSeal> SealAsync(Guid entityId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ElectronicSeals.AsNoTracking().SingleAsync(s => s.MarketEntityId == entityId);
    }
}

/// <summary>Parallel wrong PINs on a real SQLite file: each one counts.</summary>
public class SealPinRaceTests() : MarketEntityTestBase(onDisk: true)
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("石嘴山市某供水管网工程 合同");

    [Fact]
    public async Task SignAsync_FourParallelWrongPins_CountsFourFailures()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var refusals = await WrongPinsInParallelAsync(id, 4);

        Assert.All(refusals, r => Assert.Contains("签章 PIN 不正确", r.Message));
        await using var db = Database.CreateDbContext();
        var seal = await db.ElectronicSeals.AsNoTracking().SingleAsync(s => s.MarketEntityId == id);
        Assert.Equal(4, seal.FailedAttempts);
        Assert.Null(seal.LockedUntilUtc);
    }

    [Fact]
    public async Task SignAsync_EightParallelWrongPins_LocksTheSeal()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var refusals = await WrongPinsInParallelAsync(id, 8);

        Assert.Contains(refusals, r => r.Message.Contains("已连续错误5次"));
        var locked = await Assert.ThrowsAnyAsync<DomainException>(() => Signatures.SignAsync(id, Pin, Document));
        Assert.Contains("已锁定至", locked.Message);
    }

    [Fact]
    public async Task SaveChanges_TwoContextsCountFromTheSameValue_SecondIsAConcurrencyConflict()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var now = Database.Time.GetUtcNow().UtcDateTime;
        await using var first = Database.CreateDbContext();
        await using var second = Database.CreateDbContext();
        var a = await first.ElectronicSeals.SingleAsync(s => s.MarketEntityId == id);
        var b = await second.ElectronicSeals.SingleAsync(s => s.MarketEntityId == id);

        a.RecordWrongPin(now);
        await first.SaveChangesAsync();
        b.RecordWrongPin(now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    private async Task<Exception[]> WrongPinsInParallelAsync(Guid id, int count)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await Record.ExceptionAsync(() => Signatures.SignAsync(id, "13579" + (i % 9 + 1) + "2", Document));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);
        return results.Select(e => e ?? throw new InvalidOperationException("a wrong PIN signed")).ToArray();
    }
}
