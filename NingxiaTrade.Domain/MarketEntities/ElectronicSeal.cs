using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// 电子签章: an entity's SM2 key pair. The private key exists only encrypted with SM4-GCM under a key derived from
/// the PIN the entity set (format 2: Argon2id, own salt), and that ciphertext is wrapped again with SM4-GCM under a
/// platform key kept in the key file outside the database — so the database alone allows no PIN search. The PIN
/// itself is never stored. Format 1 seals (PBKDF2, no platform wrap) still open and are re-protected on their next
/// correct PIN. The public key is published in the registry once the entity is approved.
/// </summary>
public class ElectronicSeal
{
    /// <summary>Wrong PINs in a row before signing is suspended for <see cref="LockMinutes"/>.</summary>
    public const int MaxFailedAttempts = 5;
    public const int LockMinutes = 15;

    /// <summary>1: PBKDF2-SHA256, no platform wrap (older seals). 2: Argon2id and the platform wrap.</summary>
    public const int CurrentFormat = 2;

    private ElectronicSeal() { }

    private ElectronicSeal(Guid entityId, byte[] publicKey, DateTime createdUtc)
    {
        Id = Guid.NewGuid();
        MarketEntityId = entityId;
        PublicKey = publicKey;
        CreatedUtc = createdUtc;
        KeyId = SealCrypto.KeyId(publicKey);
    }

    /// <summary>Generates the key pair and keeps the private key under <paramref name="pin"/> and the platform key.</summary>
    public static ElectronicSeal Create(Guid entityId, string pin, SealProtection protection, DateTime createdUtc)
    {
        SealCrypto.CheckPinRule(pin);
        var (privateKey, publicKey) = SealCrypto.GenerateKeyPair();
        try
        {
            var seal = new ElectronicSeal(entityId, publicKey, createdUtc);
            seal.Protect(privateKey, pin, protection);
            return seal;
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public byte[] PublicKey { get; private set; } = [];
    public string KeyId { get; private set; } = "";
    /// <summary>Format 2: the platform-wrapped PIN ciphertext; format 1: the PIN ciphertext alone.</summary>
    [Secret]
    public byte[] EncryptedPrivateKey { get; private set; } = [];
    [Secret]
    public byte[] Salt { get; private set; } = [];
    [Secret]
    public byte[] Nonce { get; private set; } = [];
    public int FormatVersion { get; private set; } = 1;
    /// <summary>PBKDF2 iterations (format 1) or Argon2id passes (format 2).</summary>
    public int Iterations { get; private set; }
    /// <summary>Argon2id memory, KiB (format 2).</summary>
    public int KdfMemoryKib { get; private set; }
    /// <summary>Argon2id lanes (format 2).</summary>
    public int KdfParallelism { get; private set; }
    /// <summary>Which platform key (in the key file) wraps the PIN ciphertext (format 2).</summary>
    public string? WrapKeyId { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    /// <summary>Set when the entity is approved: from then on the public key is shown in the registry and signing works.</summary>
    public DateTime? PublishedUtc { get; private set; }
    /// <summary>Wrong PINs in a row; a concurrency token, so parallel wrong PINs each count.</summary>
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }

    public bool IsPublished => PublishedUtc is not null;

    /// <summary>The public key as hex (uncompressed point, 04‖x‖y), as published.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(PublicKey);

    /// <summary>True when the seal is not yet kept the way new seals are (older format, older KDF cost or wrap key).</summary>
    public bool NeedsReprotection(SealProtection protection) =>
        FormatVersion != CurrentFormat || WrapKeyId != protection.PlatformKeys.CurrentSealWrapKeyId
        || new SealKdf(KdfMemoryKib, Iterations, KdfParallelism) != protection.Kdf;

    public void Publish(DateTime nowUtc) => PublishedUtc ??= nowUtc;

    /// <summary>
    /// Signs with the private key unlocked by <paramref name="pin"/>. A wrong PIN throws <see cref="WrongSealPinException"/>
    /// after counting it (see <see cref="RecordWrongPin"/>); a correct one re-protects an older seal the way new seals are.
    /// </summary>
    public byte[] Sign(string pin, byte[] data, DateTime nowUtc, SealProtection protection)
    {
        if (!IsPublished)
        {
            throw new DomainException("电子签章尚未启用：市场主体审核通过后方可签章。");
        }
        if (LockedUntilUtc is { } until && until > nowUtc)
        {
            throw Locked(until);
        }
        if (string.IsNullOrEmpty(pin) || pin.Length > 12)
        {
            throw new DomainException("请输入6至12位数字的签章 PIN。");
        }
        var privateKey = Unlock(pin, protection) ?? throw RecordWrongPin(nowUtc);
        try
        {
            FailedAttempts = 0;
            LockedUntilUtc = null;
            if (NeedsReprotection(protection))
            {
                Protect(privateKey, pin, protection);
            }
            return SealCrypto.Sign(privateKey, data);
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }

    /// <summary>
    /// Counts one wrong PIN (locking the seal at <see cref="MaxFailedAttempts"/>) and returns the refusal to show.
    /// Called again after a concurrent attempt won the race, on the freshly read counter.
    /// </summary>
    public WrongSealPinException RecordWrongPin(DateTime nowUtc)
    {
        if (LockedUntilUtc is { } until && until > nowUtc)
        {
            return Locked(until);
        }
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntilUtc = nowUtc.AddMinutes(LockMinutes);
            FailedAttempts = 0;
            return new WrongSealPinException($"签章 PIN 不正确。已连续错误{MaxFailedAttempts}次，签章锁定{LockMinutes}分钟。");
        }
        return new WrongSealPinException($"签章 PIN 不正确，还可再试{MaxFailedAttempts - FailedAttempts}次。");
    }

    /// <summary>
    /// Moves the outer wrap to the current platform key without the PIN (key rotation). False when the seal is of
    /// format 1 (it has no wrap; it moves on its next correct PIN) or already on the current key.
    /// </summary>
    public bool Rewrap(PlatformKeyRing platformKeys)
    {
        if (FormatVersion != CurrentFormat || WrapKeyId == platformKeys.CurrentSealWrapKeyId)
        {
            return false;
        }
        var oldKey = platformKeys.SealWrapKey(WrapKeyId)
            ?? throw new DomainException($"平台密钥文件中没有封装密钥 {WrapKeyId}，无法更换该签章的封装密钥。");
        var inner = SealCrypto.Unwrap(oldKey, EncryptedPrivateKey, WrapAssociatedData())
            ?? throw new DomainException($"签章 {KeyId} 的封装数据无法用平台密钥 {WrapKeyId} 打开。");
        EncryptedPrivateKey = SealCrypto.Wrap(platformKeys.CurrentSealWrapKey, inner, WrapAssociatedData());
        WrapKeyId = platformKeys.CurrentSealWrapKeyId;
        return true;
    }

    private static WrongSealPinException Locked(DateTime until) =>
        new($"签章 PIN 连续错误{MaxFailedAttempts}次，签章已锁定至 {ChinaTime.Format(until)}。");

    /// <summary>The private key, or null when the PIN is wrong.</summary>
    private byte[]? Unlock(string pin, SealProtection protection)
    {
        var owner = MarketEntityId.ToByteArray();
        if (FormatVersion == 1)
        {
            var legacyKey = SealCrypto.DeriveKey(pin, Salt, Iterations);
            try
            {
                return SealCrypto.Decrypt(legacyKey, Nonce, EncryptedPrivateKey, owner);
            }
            finally
            {
                Array.Clear(legacyKey);
            }
        }
        var wrapKey = protection.PlatformKeys.SealWrapKey(WrapKeyId)
            ?? throw new DomainException("平台密钥文件中缺少该签章的封装密钥，签章暂不可用，请联系平台运维人员。");
        var inner = SealCrypto.Unwrap(wrapKey, EncryptedPrivateKey, WrapAssociatedData())
            ?? throw new DomainException("签章数据与平台密钥不符，签章暂不可用，请联系平台运维人员。");
        var key = SealCrypto.DeriveKeyArgon2id(pin, Salt, new SealKdf(KdfMemoryKib, Iterations, KdfParallelism));
        try
        {
            return SealCrypto.Decrypt(key, Nonce, inner, owner);
        }
        finally
        {
            Array.Clear(key);
        }
    }

    /// <summary>Encrypts under the PIN (Argon2id, fresh salt and nonce), then wraps under the current platform key.</summary>
    private void Protect(byte[] privateKey, string pin, SealProtection protection)
    {
        var salt = SealCrypto.RandomBytes(16);
        var nonce = SealCrypto.RandomBytes(12);
        var key = SealCrypto.DeriveKeyArgon2id(pin, salt, protection.Kdf);
        try
        {
            var inner = SealCrypto.Encrypt(key, nonce, privateKey, MarketEntityId.ToByteArray());
            EncryptedPrivateKey = SealCrypto.Wrap(protection.PlatformKeys.CurrentSealWrapKey, inner, WrapAssociatedData());
        }
        finally
        {
            Array.Clear(key);
        }
        Salt = salt;
        Nonce = nonce;
        FormatVersion = CurrentFormat;
        Iterations = protection.Kdf.Iterations;
        KdfMemoryKib = protection.Kdf.MemoryKib;
        KdfParallelism = protection.Kdf.Parallelism;
        WrapKeyId = protection.PlatformKeys.CurrentSealWrapKeyId;
    }

    /// <summary>Binds the outer wrap to this seal, so a wrapped key cannot be moved to another seal.</summary>
    private byte[] WrapAssociatedData() => [.. Id.ToByteArray(), .. MarketEntityId.ToByteArray()];
}

/// <summary>A wrong seal PIN (already counted on the seal), or a seal locked by wrong PINs.</summary>
public sealed class WrongSealPinException(string message) : DomainException(message);

/// <summary>One signature made with an entity's seal: who, when, over which document (SM3).</summary>
public class SignatureRecord
{
    private SignatureRecord() { }

    public SignatureRecord(Guid id, Guid entityId, string creditCode, string signerName, string keyId, string documentSm3, string? documentName,
        string signedBy, DateTime signedUtc, string token)
    {
        Id = id;
        MarketEntityId = entityId;
        CreditCode = creditCode;
        SignerName = signerName;
        KeyId = keyId;
        DocumentSm3 = documentSm3;
        DocumentName = documentName;
        SignedBy = signedBy;
        SignedUtc = signedUtc;
        Token = token;
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string SignerName { get; private set; } = "";
    public string KeyId { get; private set; } = "";
    public string DocumentSm3 { get; private set; } = "";
    public string? DocumentName { get; private set; }
    /// <summary>The account that entered the PIN.</summary>
    public string SignedBy { get; private set; } = "";
    public DateTime SignedUtc { get; private set; }
    /// <summary>The signature as handed out (see <see cref="SignatureToken"/>).</summary>
    public string Token { get; private set; } = "";
}
