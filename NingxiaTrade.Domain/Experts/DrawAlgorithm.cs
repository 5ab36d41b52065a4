using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace NingxiaTrade.Domain.Experts;

/// <summary>Where a draw's seed comes from. Production: the operating system's CSPRNG; tests and auditors: a fixed seed.</summary>
public interface IDrawSeedSource
{
    byte[] NextSeed();
}

/// <summary>32 bytes from <see cref="RandomNumberGenerator"/>.</summary>
public sealed class CryptoDrawSeedSource : IDrawSeedSource
{
    public byte[] NextSeed() => RandomNumberGenerator.GetBytes(DrawAlgorithm.SeedLength);
}

/// <summary>
/// The documented, deterministic draw algorithm, version <see cref="Version"/>. Anyone holding the recorded seed and the
/// eligible pool can repeat it with any SM3 implementation:
/// <list type="number">
/// <item>The pool of a specialty group is sorted by expert id, each id written as 36 lowercase characters
/// (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>), ordinal order. Its hash is SM3 over the UTF-8 of every id followed by
/// <c>'\n'</c>, in lowercase hex.</item>
/// <item>Random words for group <c>g</c> (0-based): block <c>c</c> = SM3(seed ‖ g as 4 bytes big-endian ‖ c as 8 bytes
/// big-endian), c = 0, 1, …; each 32-byte block gives four 64-bit big-endian words, used in order.</item>
/// <item>A number below <c>n</c>: take words until one is below 2^64 − (2^64 mod n) (rejection, so no residue is
/// favoured), then that word mod n.</item>
/// <item>Partial Fisher–Yates over the candidate array (the group's sorted pool without experts picked by earlier
/// groups): pick <c>i</c> (0-based) swaps position i with position i + below(n − i) and takes position i. The first
/// <c>count</c> picks are invited, the next <c>backups</c> are standing by, and replacements continue the same
/// sequence; a pick already in the draw (another group's replacement) or no longer available (suspended or on leave
/// since the draw) is skipped, and each member keeps its position in the sequence.</item>
/// </list>
/// </summary>
public static class DrawAlgorithm
{
    public const string Version = "NXT-DRAW-1: SM3-CTR / rejection sampling / partial Fisher-Yates over id-sorted pool";
    public const int SeedLength = 32;

    /// <summary>
    /// The algorithm a draw recorded, as people read it: what it does in Chinese, with its short version mark
    /// (NXT-DRAW-1) kept beside it for a technical check; a version this code does not know is shown as recorded.
    /// </summary>
    public static string Describe(string recordedVersion) =>
        recordedVersion == Version
            ? "国密 SM3 杂凑计数器模式生成随机数（拒绝采样消除偏差），在按编号排序的候选专家中依次随机抽取（第 1 版，NXT-DRAW-1）"
            : $"抽取算法（记录的版本：{recordedVersion}）";

    /// <summary>Ids in the order the algorithm uses.</summary>
    public static Guid[] Sort(IEnumerable<Guid> ids)
    {
        var array = ids.Distinct().ToArray();
        var keys = Array.ConvertAll(array, id => id.ToString("D"));
        Array.Sort(keys, array, StringComparer.Ordinal);
        return array;
    }

    /// <summary>Ordinal order of the lowercase "D" strings, computed without allocating them.</summary>
    public static int CompareIds(Guid a, Guid b)
    {
        Span<char> x = stackalloc char[36];
        Span<char> y = stackalloc char[36];
        a.TryFormat(x, out _, "D");
        b.TryFormat(y, out _, "D");
        return x.SequenceCompareTo(y);
    }

    /// <summary>SM3 of the sorted pool, lowercase hex.</summary>
    public static string PoolHash(IReadOnlyList<Guid> sortedPool)
    {
        var digest = new SM3Digest();
        Span<byte> line = stackalloc byte[37];
        Span<char> chars = stackalloc char[36];
        foreach (var id in sortedPool)
        {
            id.TryFormat(chars, out _, "D");
            Encoding.ASCII.GetBytes(chars, line);
            line[36] = (byte)'\n';
            digest.BlockUpdate(line);
        }
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// The pick sequence of one group: position i of the result is pick i. <paramref name="skip"/> tells which candidates
    /// must be skipped (already in the draw); a skipped pick yields <see cref="Guid.Empty"/> so positions stay stable.
    /// </summary>
    public static Guid[] Picks(byte[] seed, int group, IReadOnlyList<Guid> candidates, int picks, Func<Guid, bool>? skip = null)
    {
        var array = candidates.ToArray();
        var random = new Sm3CounterGenerator(seed, group);
        var result = new List<Guid>(picks);
        for (var i = 0; i < array.Length && result.Count < picks; i++)
        {
            var j = i + random.NextBelow(array.Length - i);
            (array[i], array[j]) = (array[j], array[i]);
            result.Add(skip is not null && skip(array[i]) ? Guid.Empty : array[i]);
        }
        return [.. result];
    }
}

/// <summary>SM3 in counter mode over (seed, group): the deterministic random stream of <see cref="DrawAlgorithm"/>.</summary>
public sealed class Sm3CounterGenerator
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[32];
    private readonly SM3Digest _digest = new();
    private ulong _counter;
    private int _position = 32;

    public Sm3CounterGenerator(byte[] seed, int group)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _input = new byte[seed.Length + 12];
        seed.CopyTo(_input, 0);
        BinaryPrimitives.WriteInt32BigEndian(_input.AsSpan(seed.Length, 4), group);
    }

    public ulong NextUInt64()
    {
        if (_position == 32)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - 8), _counter++);
            _digest.BlockUpdate(_input, 0, _input.Length);
            _digest.DoFinal(_block, 0);
            _position = 0;
        }
        var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>Uniform in [0, n) by rejection sampling.</summary>
    public int NextBelow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var bound = (ulong)n;
        var remainder = (ulong.MaxValue % bound + 1) % bound; // 2^64 mod n
        while (true)
        {
            var x = NextUInt64();
            if (remainder == 0 || x <= ulong.MaxValue - remainder)
            {
                return (int)(x % bound);
            }
        }
    }
}
