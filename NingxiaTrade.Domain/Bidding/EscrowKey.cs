using System.Text.Json;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// The centre's escrow key pair for sealed bids, kept in a file outside the database (format <c>NXEK1</c>): the SM2 public
/// key in the clear (every bid key is also wrapped under it), the private key under SM4-GCM with a key derived by Argon2id
/// from a passphrase that only configuration holds. The private key is opened only for an escrow decryption a supervisor
/// approved, and cleared right after.
/// </summary>
public sealed class EscrowKey
{
    public const string FileFormat = "NXEK1";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly SealKdf Kdf = new(64 * 1024, 3, 1);

    private readonly KeyFile _file;
    private readonly string? _passphrase;

    private EscrowKey(KeyFile file, string? passphrase)
    {
        if (file.Format != FileFormat || string.IsNullOrEmpty(file.PublicKey) || string.IsNullOrEmpty(file.EncryptedPrivateKey))
        {
            throw new InvalidOperationException($"托管密钥文件格式不正确（应为 {FileFormat}）。");
        }
        _file = file;
        _passphrase = passphrase;
    }

    /// <summary>Fingerprint of the public key (<see cref="SealCrypto.KeyId"/>), stored with every bid wrapped under it.</summary>
    public string KeyId => _file.KeyId;

    public byte[] PublicKey => Convert.FromHexString(_file.PublicKey);

    /// <summary>
    /// The private key, for one approved escrow decryption; the caller clears it. Refused when configuration holds no
    /// passphrase or a wrong one.
    /// </summary>
    public byte[] OpenPrivateKey()
    {
        if (string.IsNullOrEmpty(_passphrase))
        {
            throw new DomainException("未配置托管密钥口令（Bidding:Escrow:Passphrase），不能进行托管解密。");
        }
        var kek = SealCrypto.DeriveKeyArgon2id(_passphrase, Convert.FromBase64String(_file.Salt), new SealKdf(_file.MemoryKib, _file.Iterations, 1));
        try
        {
            return SealCrypto.Unwrap(kek, Convert.FromBase64String(_file.EncryptedPrivateKey), Convert.FromHexString(_file.PublicKey))
                ?? throw new DomainException("托管密钥口令不正确，不能进行托管解密。");
        }
        finally
        {
            Array.Clear(kek);
        }
    }

    /// <summary>A new key pair protected by <paramref name="passphrase"/> (at least 12 characters).</summary>
    public static EscrowKey Create(string passphrase, SealKdf? kdf = null)
    {
        if (passphrase is not { Length: >= 12 })
        {
            throw new DomainException("托管密钥口令至少12个字符。");
        }
        kdf ??= Kdf;
        var (privateKey, publicKey) = SealCrypto.GenerateKeyPair();
        var salt = SealCrypto.RandomBytes(16);
        var kek = SealCrypto.DeriveKeyArgon2id(passphrase, salt, kdf);
        try
        {
            return new EscrowKey(new KeyFile
            {
                Format = FileFormat,
                KeyId = SealCrypto.KeyId(publicKey),
                PublicKey = Convert.ToHexString(publicKey),
                Salt = Convert.ToBase64String(salt),
                MemoryKib = kdf.MemoryKib,
                Iterations = kdf.Iterations,
                EncryptedPrivateKey = Convert.ToBase64String(SealCrypto.Wrap(kek, privateKey, publicKey)),
            }, passphrase);
        }
        finally
        {
            Array.Clear(kek);
            Array.Clear(privateKey);
        }
    }

    /// <summary>Writes the file (readable by the service account only where the file system allows).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(_file, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public static EscrowKey Load(string path, string? passphrase) =>
        new(JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException("托管密钥文件为空。"), passphrase);

    private sealed class KeyFile
    {
        public string Format { get; set; } = "";
        public string KeyId { get; set; } = "";
        public string PublicKey { get; set; } = "";
        public string Salt { get; set; } = "";
        public int MemoryKib { get; set; }
        public int Iterations { get; set; }
        public string EncryptedPrivateKey { get; set; } = "";
    }
}
