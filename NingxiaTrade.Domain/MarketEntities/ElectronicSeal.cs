using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// 电子签章: an entity's SM2 key pair. The private key exists only encrypted with SM4-GCM under a key derived from
/// the PIN the entity set (PBKDF2-SHA256, own salt); the PIN itself is never stored. The public key is published in
/// the registry once the entity is approved.
/// </summary>
public class ElectronicSeal
{
    /// <summary>Wrong PINs in a row before signing is suspended for <see cref="LockMinutes"/>.</summary>
    public const int MaxFailedAttempts = 5;
    public const int LockMinutes = 15;

    private ElectronicSeal() { }

    private ElectronicSeal(Guid entityId, byte[] publicKey, byte[] encryptedPrivateKey, byte[] salt, byte[] nonce, int iterations, DateTime createdUtc)
    {
        Id = Guid.NewGuid();
        MarketEntityId = entityId;
        PublicKey = publicKey;
        EncryptedPrivateKey = encryptedPrivateKey;
        Salt = salt;
        Nonce = nonce;
        Iterations = iterations;
        CreatedUtc = createdUtc;
        KeyId = SealCrypto.KeyId(publicKey);
    }

    /// <summary>Generates the key pair and keeps the private key under <paramref name="pin"/>.</summary>
    public static ElectronicSeal Create(Guid entityId, string pin, int iterations, DateTime createdUtc)
    {
        SealCrypto.CheckPinRule(pin);
        var (privateKey, publicKey) = SealCrypto.GenerateKeyPair();
        try
        {
            var salt = SealCrypto.RandomBytes(16);
            var nonce = SealCrypto.RandomBytes(12);
            var key = SealCrypto.DeriveKey(pin, salt, iterations);
            var encrypted = SealCrypto.Encrypt(key, nonce, privateKey, entityId.ToByteArray());
            Array.Clear(key);
            return new ElectronicSeal(entityId, publicKey, encrypted, salt, nonce, iterations, createdUtc);
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
    public byte[] EncryptedPrivateKey { get; private set; } = [];
    public byte[] Salt { get; private set; } = [];
    public byte[] Nonce { get; private set; } = [];
    public int Iterations { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    /// <summary>Set when the entity is approved: from then on the public key is shown in the registry and signing works.</summary>
    public DateTime? PublishedUtc { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? LockedUntilUtc { get; private set; }

    public bool IsPublished => PublishedUtc is not null;

    /// <summary>The public key as hex (uncompressed point, 04‖x‖y), as published.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(PublicKey);

    public void Publish(DateTime nowUtc) => PublishedUtc ??= nowUtc;

    /// <summary>Signs with the private key unlocked by <paramref name="pin"/>; wrong PINs are counted and lock the seal.</summary>
    public byte[] Sign(string pin, byte[] data, DateTime nowUtc)
    {
        if (!IsPublished)
        {
            throw new DomainException("电子签章尚未启用：市场主体审核通过后方可签章。");
        }
        if (LockedUntilUtc is { } until && until > nowUtc)
        {
            throw new DomainException($"签章 PIN 连续错误{MaxFailedAttempts}次，签章已锁定至 {ChinaTime.Format(until)}。");
        }
        if (string.IsNullOrEmpty(pin) || pin.Length > 12)
        {
            throw new DomainException("请输入6至12位数字的签章 PIN。");
        }
        var key = SealCrypto.DeriveKey(pin, Salt, Iterations);
        var privateKey = SealCrypto.Decrypt(key, Nonce, EncryptedPrivateKey, MarketEntityId.ToByteArray());
        Array.Clear(key);
        if (privateKey is null)
        {
            FailedAttempts++;
            if (FailedAttempts >= MaxFailedAttempts)
            {
                LockedUntilUtc = nowUtc.AddMinutes(LockMinutes);
                FailedAttempts = 0;
                throw new DomainException($"签章 PIN 不正确。已连续错误{MaxFailedAttempts}次，签章锁定{LockMinutes}分钟。");
            }
            throw new DomainException($"签章 PIN 不正确，还可再试{MaxFailedAttempts - FailedAttempts}次。");
        }
        try
        {
            FailedAttempts = 0;
            LockedUntilUtc = null;
            return SealCrypto.Sign(privateKey, data);
        }
        finally
        {
            Array.Clear(privateKey);
        }
    }
}

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
