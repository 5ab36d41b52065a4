using System.Text.Json;
using System.Text.Json.Serialization;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Common;

/// <summary>
/// The platform's own keys, kept in a file outside the database (<c>Security:PlatformKeyFile</c>): the SM4 keys that
/// wrap every seal's PIN-encrypted private key a second time, and the SM2 key that signs the audit chain's anchors.
/// Someone holding only the database has neither. Old keys stay in the file after a rotation so that what they
/// protected or signed still opens and verifies; the <c>Current…</c> ids say which key new material uses.
/// </summary>
public sealed class PlatformKeyRing
{
    public const string FileFormat = "NXPK1";
    public const string DevelopmentFileName = "platform-keys.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly KeyFile _file;

    private PlatformKeyRing(KeyFile file)
    {
        if (file.Format != FileFormat || file.SealWrapKeys.Count == 0 || file.AnchorKeys.Count == 0
            || file.SealWrapKeys.All(k => k.Id != file.CurrentSealWrapKey) || file.AnchorKeys.All(k => k.Id != file.CurrentAnchorKey))
        {
            throw new InvalidOperationException($"平台密钥文件格式不正确（应为 {FileFormat}，且当前封装密钥和锚点签名密钥都在文件中）。");
        }
        _file = file;
    }

    /// <summary>Id of the SM4 key that wraps new seals.</summary>
    public string CurrentSealWrapKeyId => _file.CurrentSealWrapKey;

    public byte[] CurrentSealWrapKey => SealWrapKey(CurrentSealWrapKeyId)!;

    /// <summary>The wrap key with this id, or null when the file no longer holds it.</summary>
    public byte[]? SealWrapKey(string? id) =>
        _file.SealWrapKeys.FirstOrDefault(k => k.Id == id) is { Key: { } key } ? Convert.FromBase64String(key) : null;

    /// <summary>Fingerprint (<see cref="SealCrypto.KeyId"/>) of the SM2 key that signs new anchors.</summary>
    public string CurrentAnchorKeyId => _file.CurrentAnchorKey;

    public byte[] CurrentAnchorPublicKey => AnchorPublicKey(CurrentAnchorKeyId)!;

    /// <summary>The public key of an anchor signing key this platform has used, or null if unknown.</summary>
    public byte[]? AnchorPublicKey(string keyId) =>
        _file.AnchorKeys.FirstOrDefault(k => k.Id == keyId) is { PublicKey: { } key } ? Convert.FromHexString(key) : null;

    /// <summary>SM2-with-SM3 signature of <paramref name="data"/> with the current anchor key.</summary>
    public byte[] SignAnchor(byte[] data)
    {
        var key = Convert.FromHexString(_file.AnchorKeys.Single(k => k.Id == CurrentAnchorKeyId).PrivateKey
            ?? throw new InvalidOperationException("平台密钥文件中缺少当前锚点签名密钥的私钥。"));
        try
        {
            return SealCrypto.Sign(key, data);
        }
        finally
        {
            Array.Clear(key);
        }
    }

    /// <summary>A new ring with one fresh wrap key and one fresh anchor key.</summary>
    public static PlatformKeyRing CreateNew()
    {
        var wrap = NewWrapKey();
        var anchor = NewAnchorKey();
        return new PlatformKeyRing(new KeyFile
        {
            Format = FileFormat,
            SealWrapKeys = [wrap],
            CurrentSealWrapKey = wrap.Id,
            AnchorKeys = [anchor],
            CurrentAnchorKey = anchor.Id,
        });
    }

    /// <summary>Adds a fresh wrap key and makes it current; the old ones stay so existing seals still open.</summary>
    public PlatformKeyRing WithNewSealWrapKey()
    {
        var wrap = NewWrapKey();
        return new PlatformKeyRing(_file with { SealWrapKeys = [.. _file.SealWrapKeys, wrap], CurrentSealWrapKey = wrap.Id });
    }

    /// <summary>Adds a fresh anchor key and makes it current; the old public keys stay so old anchors still verify.</summary>
    public PlatformKeyRing WithNewAnchorKey()
    {
        var anchor = NewAnchorKey();
        return new PlatformKeyRing(_file with { AnchorKeys = [.. _file.AnchorKeys, anchor], CurrentAnchorKey = anchor.Id });
    }

    public static PlatformKeyRing Load(string path) =>
        new(JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"平台密钥文件 {path} 为空。"));

    /// <summary>Writes the file readable by its owner only (on Unix).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_file, Json));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Opens the configured key file. Development creates one under <paramref name="dataFolder"/> when none is
    /// configured or the file is missing; any other environment refuses to start without it.
    /// </summary>
    public static PlatformKeyRing Open(string? configuredPath, bool isDevelopment, string dataFolder)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath)
            ? isDevelopment ? Path.Combine(dataFolder, DevelopmentFileName) : null
            : configuredPath;
        if (path is null)
        {
            throw new InvalidOperationException(
                "未配置平台密钥文件：请在配置项 Security:PlatformKeyFile（环境变量 Security__PlatformKeyFile）中给出密钥文件路径。" +
                "该文件保管电子签章的平台封装密钥和审计链锚点签名密钥，不能放在数据库中。首次部署可运行 " +
                "`dotnet NingxiaTrade.Workbench.dll platform-key create --file <路径>` 生成。 (Security:PlatformKeyFile is not configured.)");
        }
        if (!File.Exists(path))
        {
            if (!isDevelopment)
            {
                throw new InvalidOperationException(
                    $"平台密钥文件 {path} 不存在（配置项 Security:PlatformKeyFile）。没有该文件，已有电子签章无法使用，审计链锚点无法签名；" +
                    $"请从备份恢复该文件，首次部署才生成新文件。 (Platform key file {path} not found.)");
            }
            CreateNew().Save(path);
        }
        return Load(path);
    }

    private static KeyEntry NewWrapKey() => new() { Id = Convert.ToHexStringLower(SealCrypto.RandomBytes(4)), Key = Convert.ToBase64String(SealCrypto.RandomBytes(16)) };

    private static KeyEntry NewAnchorKey()
    {
        var (privateKey, publicKey) = SealCrypto.GenerateKeyPair();
        return new KeyEntry { Id = SealCrypto.KeyId(publicKey), PrivateKey = Convert.ToHexStringLower(privateKey), PublicKey = Convert.ToHexStringLower(publicKey) };
    }

    private sealed record KeyFile
    {
        public string Format { get; init; } = "";
        public List<KeyEntry> SealWrapKeys { get; init; } = [];
        public string CurrentSealWrapKey { get; init; } = "";
        public List<KeyEntry> AnchorKeys { get; init; } = [];
        public string CurrentAnchorKey { get; init; } = "";
    }

    private sealed record KeyEntry
    {
        public string Id { get; init; } = "";
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Key { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PrivateKey { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? PublicKey { get; init; }
        public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;
    }
}
