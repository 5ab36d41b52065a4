using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// What an entity's signature says about itself. It is signed as a whole (SM2 with SM3), so neither the document
/// digest nor the signer, nor the time, can be changed without the signature failing.
/// </summary>
public sealed record SignatureEnvelope(
    int Version, Guid SignatureId, string CreditCode, string SignerName, DateTime SignedAtUtc, string KeyId, string DocumentSm3, string? DocumentName);

/// <summary>
/// The handed-out form of a signature: <c>NXSIG1.&lt;base64url envelope JSON&gt;.&lt;base64url SM2 DER signature&gt;</c>.
/// The envelope travels as its exact bytes, so verification needs no canonical JSON.
/// </summary>
public static class SignatureToken
{
    public const string Prefix = "NXSIG1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] EnvelopeBytes(SignatureEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, Json);

    public static string Write(byte[] envelope, byte[] signature) =>
        $"{Prefix}.{Base64UrlText.Encode(envelope)}.{Base64UrlText.Encode(signature)}";

    /// <summary>Splits a token; false when it is not one.</summary>
    public static bool TryRead(string? token, out byte[] envelopeBytes, out SignatureEnvelope? envelope, out byte[] signature)
    {
        envelopeBytes = [];
        signature = [];
        envelope = null;
        var parts = token?.Trim().Split('.') ?? [];
        if (parts.Length != 3 || parts[0] != Prefix)
        {
            return false;
        }
        try
        {
            envelopeBytes = Base64UrlText.Decode(parts[1]);
            signature = Base64UrlText.Decode(parts[2]);
            envelope = JsonSerializer.Deserialize<SignatureEnvelope>(envelopeBytes, Json);
            return envelope is not null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

}

/// <summary>The answer of a verification. Signer, code and time are given only when the signature itself is genuine.</summary>
public sealed record SignatureVerification(bool Valid, string? Signer, string? CreditCode, DateTime? SignedAtUtc, string Message);

/// <summary>
/// 电子签章: an entity signs a document with its seal (PIN asked each time); anyone verifies a document and its
/// signature against the public key published in the registry.
/// </summary>
public sealed class SignatureService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, SealProtection protection)
{
    /// <summary>How often a wrong PIN's count is re-read and re-applied when parallel attempts race.</summary>
    private const int MaxCountAttempts = 50;

    public const int MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>Signs <paramref name="document"/> for the entity; only the entity's own account may.</summary>
    /// <exception cref="DomainException">Not the entity's account, seal not yet active or locked, or the PIN is wrong.</exception>
    public Task<SignatureRecord> SignAsync(Guid entityId, string pin, byte[] document, string? documentName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return SignDigestAsync(entityId, pin, SealCrypto.Sm3Hex(document), documentName, cancellationToken);
    }

    /// <summary>
    /// Signs a document given by its SM3 digest (lower-case hex, <see cref="DocumentDigest"/>): a large file (tender
    /// documents, bids) is hashed as it streams to storage and never held whole. Same rules as <see cref="SignAsync"/>.
    /// </summary>
    public async Task<SignatureRecord> SignDigestAsync(Guid entityId, string pin, string documentSm3, string? documentName = null,
        CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder, Roles.Tenderer, Roles.Agent);
        ArgumentException.ThrowIfNullOrEmpty(documentSm3);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ownEntity = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
        if (ownEntity != entityId)
        {
            throw new AccessDeniedException("只能使用本单位的电子签章。");
        }
        var entity = await db.MarketEntities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entityId, cancellationToken)
            ?? throw new DomainException("市场主体不存在。");
        var seal = await db.ElectronicSeals.FirstOrDefaultAsync(s => s.MarketEntityId == entityId, cancellationToken)
            ?? throw new DomainException("该市场主体尚未设置电子签章。");
        var now = time.GetUtcNow().UtcDateTime;
        var envelope = new SignatureEnvelope(1, Guid.NewGuid(), entity.Code.Value, entity.Name, now, seal.KeyId,
            documentSm3.ToLowerInvariant(), string.IsNullOrWhiteSpace(documentName) ? null : documentName.Trim());
        var envelopeBytes = SignatureToken.EnvelopeBytes(envelope);
        byte[] signature;
        try
        {
            signature = seal.Sign(pin, envelopeBytes, now, protection);
        }
        catch (WrongSealPinException)
        {
            // The failed attempt counts even though the signing is refused — every one of them, even in parallel.
            throw await CountWrongPinAsync(db, seal, now, cancellationToken);
        }
        var record = new SignatureRecord(envelope.SignatureId, entityId, envelope.CreditCode, envelope.SignerName, seal.KeyId,
            envelope.DocumentSm3, envelope.DocumentName, currentUser.ActorName(), now, SignatureToken.Write(envelopeBytes, signature));
        db.SignatureRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A wrong PIN counted meanwhile: the correct one still resets the counter, on the fresh row.
            await db.Entry(seal).ReloadAsync(cancellationToken);
            seal.Sign(pin, envelopeBytes, now, protection);
            await db.SaveChangesAsync(cancellationToken);
        }
        return record;
    }

    /// <summary>
    /// Saves the wrong-PIN count. The counter is re-read inside a write transaction (on SQLite the write lock is
    /// held from its start) and is a concurrency token (on SQL Server a parallel save makes ours fail, and we
    /// re-read and count again), so eight parallel wrong PINs count eight times.
    /// </summary>
    private static async Task<DomainException> CountWrongPinAsync(TradeDbContext db, ElectronicSeal seal, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Entry(seal).ReloadAsync(cancellationToken);
            var refusal = seal.RecordWrongPin(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new DomainException(refusal.Message);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxCountAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    /// <summary>Checks a document against a signature token. Anyone may call it.</summary>
    public Task<SignatureVerification> VerifyAsync(byte[] document, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return VerifyDigestAsync(SealCrypto.Sm3Hex(document), token, cancellationToken);
    }

    /// <summary>
    /// Checks a document given by its SM3 digest (lower-case hex, see <see cref="DocumentDigest"/>) against a
    /// signature token: the HTTP endpoint hashes uploads as they stream in and never holds the document.
    /// </summary>
    public async Task<SignatureVerification> VerifyDigestAsync(string documentSm3, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentSm3);
        if (!SignatureToken.TryRead(token, out var envelopeBytes, out var envelope, out var signature))
        {
            return Invalid("签名数据格式无法识别（应为以 NXSIG1. 开头的签名值）。");
        }
        if (!CreditCode.TryParse(envelope!.CreditCode, out var code))
        {
            return Invalid("签名信封中的统一社会信用代码无效，签名不可信。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entity = await db.MarketEntities.AsNoTracking().Where(e => e.Code == code).Select(e => new { e.Id, e.Name }).FirstOrDefaultAsync(cancellationToken);
        if (entity is null)
        {
            return Invalid($"签名人（统一社会信用代码 {code}）未在市场主体库中登记。");
        }
        var seal = await db.ElectronicSeals.AsNoTracking().FirstOrDefaultAsync(s => s.MarketEntityId == entity.Id && s.PublishedUtc != null, cancellationToken);
        if (seal is null || seal.KeyId != envelope.KeyId)
        {
            return Invalid("签名所用密钥不是该市场主体公布的签章公钥。");
        }
        if (!SealCrypto.Verify(seal.PublicKey, envelopeBytes, signature))
        {
            return Invalid("签名无效：签名信封已被篡改，或签名不是用该市场主体的签章生成的。");
        }
        var signedAt = DateTime.SpecifyKind(envelope.SignedAtUtc, DateTimeKind.Utc);
        if (!string.Equals(documentSm3, envelope.DocumentSm3, StringComparison.OrdinalIgnoreCase))
        {
            return new SignatureVerification(false, envelope.SignerName, code.Value, signedAt,
                "文件与签名不符：文件内容在签名后被修改，或不是所签的文件。");
        }
        return new SignatureVerification(true, envelope.SignerName, code.Value, signedAt,
            $"签名有效：由“{envelope.SignerName}”（{code}）于 {ChinaTime.Format(signedAt)}（北京时间）签署，文件未被修改。");
    }

    /// <summary>The entity's own signatures, newest first (its account only).</summary>
    public async Task<IReadOnlyList<SignatureRecord>> MineAsync(Guid entityId, int take = 20, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ownEntity = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
        if (ownEntity != entityId)
        {
            throw new AccessDeniedException("只能查看本单位的签章记录。");
        }
        return await db.SignatureRecords.AsNoTracking().Where(s => s.MarketEntityId == entityId)
            .OrderByDescending(s => s.SignedUtc).Take(take).ToListAsync(cancellationToken);
    }

    private static SignatureVerification Invalid(string message) => new(false, null, null, null, message);
}
