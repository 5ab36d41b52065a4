using System.Text;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

public class SignatureServiceTests : MarketEntityTestBase
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("吴忠市某道路工程 施工合同 第一标段 合同价 12,345,678.00 元");

    [Fact]
    public async Task Sign_ThenVerify_ValidWithSignerCodeAndTime()
    {
        var (id, _, code) = await ApprovedEntityAsync();

        var record = await Signatures.SignAsync(id, Pin, Document, "合同.pdf");
        Database.User.Anonymous();
        var result = await Signatures.VerifyAsync(Document, record.Token);

        Assert.True(result.Valid, result.Message);
        Assert.Equal("吴忠市恒达建设工程有限公司", result.Signer);
        Assert.Equal(code.Value, result.CreditCode);
        Assert.Equal(Database.Time.GetUtcNow().UtcDateTime, result.SignedAtUtc);
        Assert.StartsWith("NXSIG1.", record.Token);
    }

    [Fact]
    public async Task Verify_TamperedDocument_InvalidAndSaysSo()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var record = await Signatures.SignAsync(id, Pin, Document);
        var tampered = (byte[])Document.Clone();
        tampered[^1] ^= 1;

        var result = await Signatures.VerifyAsync(tampered, record.Token);

        Assert.False(result.Valid);
        Assert.Contains("文件与签名不符", result.Message);
    }

    [Fact]
    public async Task Verify_TamperedEnvelope_Invalid()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        var record = await Signatures.SignAsync(id, Pin, Document);
        var parts = record.Token.Split('.');
        var envelope = Encoding.UTF8.GetString(FromBase64Url(parts[1]));
        // Move the signing time back a year, as a forger would.
        var forged = envelope.Replace("\"signedAtUtc\":\"2026-", "\"signedAtUtc\":\"2025-", StringComparison.Ordinal);
        Assert.NotEqual(envelope, forged);
        var token = $"{parts[0]}.{ToBase64Url(Encoding.UTF8.GetBytes(forged))}.{parts[2]}";

        var result = await Signatures.VerifyAsync(Document, token);

        Assert.False(result.Valid);
        Assert.Null(result.Signer);
        Assert.Contains("签名信封已被篡改", result.Message);
    }

    [Fact]
    public async Task Verify_SignatureOfAnotherEntityClaimed_Invalid()
    {
        var (a, _, _) = await ApprovedEntityAsync("甲公司有限公司");
        var signedByA = await Signatures.SignAsync(a, Pin, Document);
        var (_, _, codeB) = await ApprovedEntityAsync("乙公司有限公司");
        var parts = signedByA.Token.Split('.');
        var envelope = Encoding.UTF8.GetString(FromBase64Url(parts[1]));
        var claimed = envelope.Replace(signedByA.CreditCode, codeB.Value, StringComparison.Ordinal);

        var result = await Signatures.VerifyAsync(Document, $"{parts[0]}.{ToBase64Url(Encoding.UTF8.GetBytes(claimed))}.{parts[2]}");

        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a signature")]
    [InlineData("NXSIG1.@@@.###")]
    public async Task Verify_Garbage_InvalidNotThrown(string token)
    {
        var result = await Signatures.VerifyAsync(Document, token);

        Assert.False(result.Valid);
        Assert.Contains("格式无法识别", result.Message);
    }

    [Fact]
    public async Task Sign_WrongPin_RefusedInChineseAndCounted()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Signatures.SignAsync(id, "000001", Document));

        Assert.Equal("签章 PIN 不正确，还可再试4次。", refusal.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, (await db.ElectronicSeals.SingleAsync()).FailedAttempts);
        Assert.Empty(await db.SignatureRecords.ToListAsync());
    }

    [Fact]
    public async Task Sign_FiveWrongPins_LockedEvenForTheRightPin()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        for (var i = 0; i < ElectronicSeal.MaxFailedAttempts; i++)
        {
            await Assert.ThrowsAsync<DomainException>(() => Signatures.SignAsync(id, "000001", Document));
        }

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Signatures.SignAsync(id, Pin, Document));

        Assert.Contains("签章已锁定至", refusal.Message);
        Database.Time.Advance(TimeSpan.FromMinutes(ElectronicSeal.LockMinutes + 1));
        Assert.NotNull(await Signatures.SignAsync(id, Pin, Document));
    }

    [Fact]
    public async Task Sign_BeforeApproval_Refused()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Signatures.SignAsync(id, Pin, Document));

        Assert.Contains("审核通过后方可签章", refusal.Message);
    }

    [Fact]
    public async Task Sign_OtherEntitysSeal_Refused()
    {
        var (other, _, _) = await ApprovedEntityAsync("甲公司有限公司");
        await ApprovedEntityAsync("乙公司有限公司");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Signatures.SignAsync(other, Pin, Document));
    }

    [Fact]
    public async Task Seal_StoresNoPlainPrivateKeyAndNoPin()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        await using var db = Database.CreateDbContext();
        var seal = await db.ElectronicSeals.SingleAsync(s => s.MarketEntityId == id);

        // The PIN appears nowhere in the row.
        // Format 2: wrap nonce (12) + PIN ciphertext (32 + 16 tag) + wrap tag (16).
        Assert.Equal(76, seal.EncryptedPrivateKey.Length);
        Assert.Equal(16, seal.Salt.Length);
        Assert.DoesNotContain(Pin, Encoding.ASCII.GetString(seal.EncryptedPrivateKey) + Encoding.ASCII.GetString(seal.Salt));
        var inner = SealCrypto.Unwrap(Seals.PlatformKeys.SealWrapKey(seal.WrapKeyId)!, seal.EncryptedPrivateKey, [.. seal.Id.ToByteArray(), .. id.ToByteArray()]);
        Assert.NotNull(inner);
        var kdf = new SealKdf(seal.KdfMemoryKib, seal.Iterations, seal.KdfParallelism);
        Assert.Null(SealCrypto.Decrypt(SealCrypto.DeriveKeyArgon2id("000001", seal.Salt, kdf), seal.Nonce, inner, id.ToByteArray()));
        Assert.NotNull(SealCrypto.Decrypt(SealCrypto.DeriveKeyArgon2id(Pin, seal.Salt, kdf), seal.Nonce, inner, id.ToByteArray()));
    }

    [Fact]
    public void SealCrypto_Sm3OfAbc_MatchesStandardVector() =>
        // GB/T 32905-2016 Appendix A.1
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", SealCrypto.Sm3Hex("abc"u8));

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
