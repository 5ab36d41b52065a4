using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>
/// The national algorithms behind the electronic seal: SM2 key pairs and SM2-with-SM3 signatures (GB/T 32918,
/// GM/T 0009 default user id), SM3 digests, and SM4-GCM to keep a private key under a key derived from the PIN.
/// </summary>
public static class SealCrypto
{
    /// <summary>GM/T 0009-2012 default distinguishing identifier.</summary>
    private static readonly byte[] UserId = "1234567812345678"u8.ToArray();

    private static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H, Curve.GetSeed());
    private static readonly SecureRandom Random = new();

    /// <summary>A fresh SM2 key pair: the private scalar (32 bytes) and the uncompressed public point (65 bytes).</summary>
    public static (byte[] PrivateKey, byte[] PublicKey) GenerateKeyPair()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, Random));
        var pair = generator.GenerateKeyPair();
        var d = ((ECPrivateKeyParameters)pair.Private).D.ToByteArrayUnsigned();
        var privateKey = new byte[32];
        d.CopyTo(privateKey, 32 - d.Length);
        return (privateKey, ((ECPublicKeyParameters)pair.Public).Q.GetEncoded(false));
    }

    /// <summary>SM2 signature (DER) of <paramref name="data"/> with SM3 and the default user id.</summary>
    public static byte[] Sign(byte[] privateKey, byte[] data)
    {
        var key = new ECPrivateKeyParameters(new BigInteger(1, privateKey), Domain);
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, Random), UserId));
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(byte[] publicKey, byte[] data, byte[] signature)
    {
        try
        {
            var key = new ECPublicKeyParameters(Curve.Curve.DecodePoint(publicKey), Domain);
            var signer = new SM2Signer(new SM3Digest());
            signer.Init(false, new ParametersWithID(key, UserId));
            signer.BlockUpdate(data, 0, data.Length);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or CryptoException)
        {
            return false;
        }
    }

    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    public static string Sm3Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Sm3(data));

    /// <summary>A short fingerprint of a public key (first 16 hex digits of its SM3), shown on screen and put in envelopes.</summary>
    public static string KeyId(byte[] publicKey) => Sm3Hex(publicKey)[..16];

    /// <summary>
    /// The SM4 key for a PIN (seal format 2): Argon2id (RFC 9106, version 1.3) with the seal's salt and cost. Memory-hard,
    /// so a PIN search needs that much memory per guess.
    /// </summary>
    public static byte[] DeriveKeyArgon2id(string pin, byte[] salt, SealKdf kdf)
    {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
            .WithVersion(Argon2Parameters.Version13)
            .WithMemoryAsKB(kdf.MemoryKib)
            .WithIterations(kdf.Iterations)
            .WithParallelism(kdf.Parallelism)
            .WithSalt(salt)
            .Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var key = new byte[16];
        var password = Encoding.UTF8.GetBytes(pin);
        generator.GenerateBytes(password, key);
        Array.Clear(password);
        return key;
    }

    /// <summary>Wraps <paramref name="plain"/> under a platform key: a fresh nonce followed by the SM4-GCM ciphertext.</summary>
    public static byte[] Wrap(byte[] platformKey, byte[] plain, byte[] associated)
    {
        var nonce = RandomBytes(12);
        return [.. nonce, .. Encrypt(platformKey, nonce, plain, associated)];
    }

    /// <summary>Null when the platform key is not the one that wrapped it or the bytes were changed.</summary>
    public static byte[]? Unwrap(byte[] platformKey, byte[] wrapped, byte[] associated) =>
        wrapped.Length <= 12 ? null : Decrypt(platformKey, wrapped[..12], wrapped[12..], associated);

    /// <summary>The SM4 key for a PIN (seal format 1, kept for older seals): PBKDF2-HMAC-SHA256 with the seal's salt and iteration count.</summary>
    public static byte[] DeriveKey(string pin, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, 16);

    /// <summary>SM4-GCM with a 128-bit tag; <paramref name="associated"/> binds the ciphertext to its owner.</summary>
    public static byte[] Encrypt(byte[] key, byte[] nonce, byte[] plain, byte[] associated)
    {
        var cipher = CipherUtilities.GetCipher("SM4/GCM/NoPadding");
        cipher.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce, associated));
        return cipher.DoFinal(plain);
    }

    /// <summary>Null when the key is wrong or anything was changed (the GCM tag does not match).</summary>
    public static byte[]? Decrypt(byte[] key, byte[] nonce, byte[] encrypted, byte[] associated)
    {
        try
        {
            var cipher = CipherUtilities.GetCipher("SM4/GCM/NoPadding");
            cipher.Init(false, new AeadParameters(new KeyParameter(key), 128, nonce, associated));
            return cipher.DoFinal(encrypted);
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }

    public static byte[] RandomBytes(int count) => RandomNumberGenerator.GetBytes(count);

    /// <summary>
    /// The PIN rule: 6 to 12 digits, not all the same digit and not a straight run (123456, 987654).
    /// </summary>
    public static void CheckPinRule(string? pin)
    {
        if (pin is null || pin.Length is < 6 or > 12 || !pin.All(char.IsAsciiDigit))
        {
            throw new DomainException("签章 PIN 应为6至12位数字。");
        }
        var steps = pin.Zip(pin.Skip(1), (a, b) => b - a).Distinct().ToList();
        if (steps.Count == 1 && steps[0] is 0 or 1 or -1)
        {
            throw new DomainException("签章 PIN 过于简单（相同或连续的数字），请重新设置。");
        }
    }
}

/// <summary>Argon2id cost of deriving a seal's PIN key: memory in KiB, passes, lanes.</summary>
public sealed record SealKdf(int MemoryKib, int Iterations, int Parallelism);
