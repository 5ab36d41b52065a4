using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>What sealing one file produced: SM3 of what came in and of what was stored, and both lengths.</summary>
public sealed record SealedFileDigest(string PlainSm3, long PlainLength, string CipherSm3, long CipherLength);

/// <summary>
/// Chunked SM4-GCM for bid files (format <c>NXBF1</c>): a 17-byte header (magic, chunk size, 8-byte nonce prefix), then
/// each chunk of the plaintext encrypted on its own with a 128-bit tag. The nonce is the prefix and the chunk's number;
/// the associated data binds each chunk to its file, its number and whether it is the last one, so chunks cannot be
/// reordered, moved to another file, or cut off at the end. A file never has to be held whole: one chunk at a time.
/// </summary>
public static class BidFileCipher
{
    private static readonly byte[] Magic = "NXBF1"u8.ToArray();
    public const int HeaderLength = 17;
    public const int TagLength = 16;
    public const int DefaultChunkSize = 1024 * 1024;

    /// <summary>
    /// Encrypts <paramref name="plain"/> into <paramref name="cipher"/>, hashing both sides with SM3 on the way. Hashing the
    /// plaintext and the previous chunk's ciphertext runs on one core while the next chunk is encrypted on the other.
    /// <paramref name="inspect"/> sees every plaintext chunk first (content checks, size limit, metadata); it may throw to
    /// refuse the file.
    /// </summary>
    public static async Task<SealedFileDigest> SealAsync(Stream plain, Stream cipher, byte[] key, Guid fileId,
        Action<ReadOnlyMemory<byte>>? inspect = null, int chunkSize = DefaultChunkSize, CancellationToken cancellationToken = default)
    {
        var prefix = RandomNumberGenerator.GetBytes(8);
        var header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), chunkSize);
        prefix.CopyTo(header, 9);
        var plainSm3 = new SM3Digest();
        var cipherSm3 = new SM3Digest();
        cipherSm3.BlockUpdate(header);
        await cipher.WriteAsync(header, cancellationToken);
        long plainLength = 0, cipherLength = HeaderLength;

        var pool = ArrayPool<byte>.Shared;
        var current = pool.Rent(chunkSize);
        var next = pool.Rent(chunkSize);
        var output = pool.Rent(chunkSize + TagLength);
        var previous = pool.Rent(chunkSize + TagLength);
        var previousLength = 0;
        var gcm = new GcmBlockCipher(new SM4Engine());
        try
        {
            var read = await plain.ReadAtLeastAsync(current.AsMemory(0, chunkSize), chunkSize, throwOnEndOfStream: false, cancellationToken);
            for (uint index = 0; ; index++)
            {
                // Look one chunk ahead so the last chunk is known and marked as such.
                var nextRead = read == chunkSize
                    ? await plain.ReadAtLeastAsync(next.AsMemory(0, chunkSize), chunkSize, throwOnEndOfStream: false, cancellationToken)
                    : 0;
                // Only a short chunk is the last; a plaintext that fills its last chunk exactly gets an empty last chunk after it.
                var last = read < chunkSize;
                var end = last || nextRead == 0;
                var chunk = current.AsMemory(0, read);
                inspect?.Invoke(chunk);
                var pending = previousLength;
                var hashing = Task.Run(() =>
                {
                    plainSm3.BlockUpdate(chunk.Span);
                    cipherSm3.BlockUpdate(previous.AsSpan(0, pending));
                }, cancellationToken);
                var length = EncryptChunk(gcm, key, prefix, index, fileId, last, chunk.Span, output);
                await hashing;
                if (pending > 0)
                {
                    await cipher.WriteAsync(previous.AsMemory(0, pending), cancellationToken);
                }
                plainLength += read;
                cipherLength += length;
                (previous, output) = (output, previous);
                previousLength = length;
                if (end)
                {
                    if (!last)
                    {
                        cipherSm3.BlockUpdate(previous.AsSpan(0, previousLength));
                        await cipher.WriteAsync(previous.AsMemory(0, previousLength), cancellationToken);
                        previousLength = EncryptChunk(gcm, key, prefix, index + 1, fileId, true, ReadOnlySpan<byte>.Empty, previous);
                        cipherLength += previousLength;
                    }
                    break;
                }
                (current, next) = (next, current);
                read = nextRead;
            }
            cipherSm3.BlockUpdate(previous.AsSpan(0, previousLength));
            await cipher.WriteAsync(previous.AsMemory(0, previousLength), cancellationToken);
            await cipher.FlushAsync(cancellationToken);
            return new SealedFileDigest(Hex(plainSm3), plainLength, Hex(cipherSm3), cipherLength);
        }
        finally
        {
            pool.Return(current, clearArray: true);
            pool.Return(next, clearArray: true);
            pool.Return(output);
            pool.Return(previous);
        }
    }

    private static int EncryptChunk(GcmBlockCipher gcm, byte[] key, byte[] prefix, uint index, Guid fileId, bool last, ReadOnlySpan<byte> plain, byte[] output)
    {
        gcm.Init(true, new AeadParameters(new KeyParameter(key), TagLength * 8, Nonce(prefix, index), Associated(fileId, index, last)));
        var n = gcm.ProcessBytes(plain, output);
        n += gcm.DoFinal(output.AsSpan(n));
        return n;
    }

    /// <summary>
    /// Decrypts a sealed file chunk by chunk into <paramref name="plain"/> (<see cref="Stream.Null"/> only to check it),
    /// returning the plaintext's SM3 and length; a <see cref="BidFileCorruptException"/> when any chunk fails its tag, the
    /// chunks were reordered or the end was cut off.
    /// </summary>
    public static async Task<(string PlainSm3, long Length)> OpenAsync(Stream cipher, Stream plain, byte[] key, Guid fileId, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderLength];
        if (await cipher.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken) < HeaderLength
            || !header.AsSpan(0, 5).SequenceEqual(Magic))
        {
            throw new BidFileCorruptException("投标文件密文格式不正确。");
        }
        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
        if (chunkSize is <= 0 or > 64 * 1024 * 1024)
        {
            throw new BidFileCorruptException("投标文件密文格式不正确。");
        }
        var prefix = header[9..17];
        var sm3 = new SM3Digest();
        var pool = ArrayPool<byte>.Shared;
        var input = pool.Rent(chunkSize + TagLength);
        var output = pool.Rent(chunkSize + TagLength);
        var gcm = new GcmBlockCipher(new SM4Engine());
        long length = 0;
        try
        {
            for (uint index = 0; ; index++)
            {
                var read = await cipher.ReadAtLeastAsync(input.AsMemory(0, chunkSize + TagLength), chunkSize + TagLength, throwOnEndOfStream: false, cancellationToken);
                if (read < TagLength)
                {
                    throw new BidFileCorruptException("投标文件密文不完整。");
                }
                var last = read < chunkSize + TagLength;
                int n;
                try
                {
                    gcm.Init(false, new AeadParameters(new KeyParameter(key), TagLength * 8, Nonce(prefix, index), Associated(fileId, index, last)));
                    n = gcm.ProcessBytes(input.AsSpan(0, read), output);
                    n += gcm.DoFinal(output.AsSpan(n));
                }
                catch (InvalidCipherTextException)
                {
                    throw new BidFileCorruptException("投标文件密文校验失败（密钥不符或文件被改动、截断）。");
                }
                sm3.BlockUpdate(output.AsSpan(0, n));
                length += n;
                await plain.WriteAsync(output.AsMemory(0, n), cancellationToken);
                if (last)
                {
                    break;
                }
            }
            return (Hex(sm3), length);
        }
        finally
        {
            pool.Return(input);
            pool.Return(output, clearArray: true);
        }
    }

    private static byte[] Nonce(byte[] prefix, uint index)
    {
        var nonce = new byte[12];
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), index);
        return nonce;
    }

    private static byte[] Associated(Guid fileId, uint index, bool last)
    {
        var data = new byte[21];
        fileId.TryWriteBytes(data);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), index);
        data[20] = last ? (byte)1 : (byte)0;
        return data;
    }

    private static string Hex(SM3Digest digest)
    {
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>A sealed bid file that does not decrypt: wrong key, changed or cut-off ciphertext.</summary>
public sealed class BidFileCorruptException(string message) : DomainException(message);

/// <summary>
/// The two wraps of a bid's key: under a key derived from the bidder's own decryption password (PBKDF2-HMAC-SHA256,
/// salted, never stored), and under the centre's escrow SM2 public key (SM2 public-key encryption, C1C3C2).
/// </summary>
public static class BidKeyWrap
{
    private static readonly X9ECParameters Curve = GMNamedCurves.GetByName("sm2p256v1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H, Curve.GetSeed());
    private static readonly SecureRandom Random = new();

    /// <summary>The password rule: 8 to 64 characters with letters and digits.</summary>
    public static void CheckPasswordRule(string? password)
    {
        if (password is null || password.Length is < 8 or > 64 || !password.Any(char.IsAsciiDigit) || !password.Any(char.IsAsciiLetter))
        {
            throw new DomainException("投标文件解密口令应为8至64个字符，且同时包含字母和数字。");
        }
    }

    /// <summary>The bid key wrapped under the password: salt, iteration count and SM4-GCM of the key, bound to the bid.</summary>
    public static PasswordWrap WrapWithPassword(byte[] bidKey, string password, Guid bidId, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var kek = Derive(password, salt, iterations);
        try
        {
            return new PasswordWrap(salt, iterations, SealCrypto.Wrap(kek, bidKey, bidId.ToByteArray()));
        }
        finally
        {
            Array.Clear(kek);
        }
    }

    /// <summary>The bid key, or null when the password is wrong.</summary>
    public static byte[]? UnwrapWithPassword(PasswordWrap wrap, string password, Guid bidId)
    {
        var kek = Derive(password, wrap.Salt, wrap.Iterations);
        try
        {
            return SealCrypto.Unwrap(kek, wrap.Wrapped, bidId.ToByteArray());
        }
        finally
        {
            Array.Clear(kek);
        }
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 16);

    /// <summary>SM2 encryption of the bid key under the escrow public key (uncompressed point).</summary>
    public static byte[] WrapForEscrow(byte[] bidKey, byte[] escrowPublicKey)
    {
        var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(new ECPublicKeyParameters(Curve.Curve.DecodePoint(escrowPublicKey), Domain), Random));
        return engine.ProcessBlock(bidKey, 0, bidKey.Length);
    }

    /// <summary>The bid key from its escrow wrap, or null when the private key is not the escrow key it was wrapped for.</summary>
    public static byte[]? UnwrapFromEscrow(byte[] wrapped, byte[] escrowPrivateKey)
    {
        try
        {
            var engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.Init(false, new ECPrivateKeyParameters(new BigInteger(1, escrowPrivateKey), Domain));
            return engine.ProcessBlock(wrapped, 0, wrapped.Length);
        }
        catch (InvalidCipherTextException)
        {
            return null;
        }
    }
}

/// <summary>A bid key under a password: the salt, the PBKDF2 iteration count and the wrapped key (nonce + SM4-GCM).</summary>
public sealed record PasswordWrap(byte[] Salt, int Iterations, byte[] Wrapped);
