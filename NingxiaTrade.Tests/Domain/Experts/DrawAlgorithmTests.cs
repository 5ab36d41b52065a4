using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Tests.Domain.Experts;

public class DrawAlgorithmTests
{
    private static readonly Guid[] Pool = DrawAlgorithm.Sort(Enumerable.Range(1, 20).Select(i => new Guid($"{i:x8}-0000-4000-8000-000000000000")));

    [Fact]
    public void Picks_SameSeed_SameResult_OtherSeedOrGroup_Differs()
    {
        var seed = Enumerable.Repeat((byte)1, 32).ToArray();
        var a = DrawAlgorithm.Picks(seed, 0, Pool, 5);
        Assert.Equal(a, DrawAlgorithm.Picks(seed, 0, Pool, 5));
        Assert.NotEqual(a, DrawAlgorithm.Picks(seed, 1, Pool, 5));
        Assert.NotEqual(a, DrawAlgorithm.Picks(Enumerable.Repeat((byte)2, 32).ToArray(), 0, Pool, 5));
        Assert.Equal(5, a.Distinct().Count());
        // Continuing a sequence keeps its beginning: replacements extend, never reshuffle.
        Assert.Equal(a, DrawAlgorithm.Picks(seed, 0, Pool, 8).Take(5));
    }

    [Fact]
    public void PoolHash_IsSm3OfSortedLowercaseIds()
    {
        // SM3("abc") is the standard's test vector; the pool hash is SM3 over "id\n" lines.
        var digest = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
        var text = System.Text.Encoding.ASCII.GetBytes(string.Concat(Pool.Select(p => p.ToString("D") + "\n")));
        digest.BlockUpdate(text, 0, text.Length);
        var expected = new byte[32];
        digest.DoFinal(expected, 0);
        Assert.Equal(Convert.ToHexStringLower(expected), DrawAlgorithm.PoolHash(Pool));
        Assert.NotEqual(DrawAlgorithm.PoolHash(Pool), DrawAlgorithm.PoolHash(Pool[1..]));
        Assert.Equal(Pool, DrawAlgorithm.Sort(Pool.Reverse()));
    }

    /// <summary>
    /// Pearson's statistic of how often each of 20 experts is picked (3 per draw, 20,000 seeds). Under a uniform draw
    /// the statistic is at most chi-square with 19 degrees of freedom (picks within a draw are negatively correlated,
    /// which only shrinks it); P(chi2(19) &gt; 65) &lt; 1e-6 (Wilson–Hilferty: the 1e-6 quantile is 64.4). A draw that always
    /// picked the first experts scores 20,000·3·(20/3 − 1) ≈ 340,000.
    /// </summary>
    [Fact]
    public void Picks_ManySeeds_EveryExpertEquallyLikely()
    {
        const int draws = 20_000;
        const int k = 3;
        const double bound = 65;
        var counts = new Dictionary<Guid, int>();
        var seeds = new Random(20261127);
        var seed = new byte[32];
        for (var i = 0; i < draws; i++)
        {
            seeds.NextBytes(seed);
            foreach (var id in DrawAlgorithm.Picks(seed, 0, Pool, k))
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }
        Assert.True(ChiSquare(counts) < bound, $"chi-square {ChiSquare(counts):F1} ≥ {bound}");

        var biased = Pool.Take(k).ToDictionary(id => id, _ => draws);
        Assert.True(ChiSquare(biased) > bound);
    }

    private static double ChiSquare(Dictionary<Guid, int> counts)
    {
        var expected = counts.Values.Sum() / (double)Pool.Length;
        return Pool.Sum(id => Math.Pow(counts.GetValueOrDefault(id) - expected, 2) / expected);
    }

    [Fact]
    public void NextBelow_RejectsTheBiasedTail()
    {
        var generator = new Sm3CounterGenerator(new byte[32], 0);
        var hits = new int[3];
        for (var i = 0; i < 30_000; i++)
        {
            hits[generator.NextBelow(3)]++;
        }
        Assert.All(hits, h => Assert.InRange(h, 9_000, 11_000));
        Assert.Equal(0, generator.NextBelow(1));
    }
}
