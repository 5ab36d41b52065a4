using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

// An opening of 100 bids of 20 MB each: every bid's key unwrapped from the bidder's password (PBKDF2 at the default
// 600 000 iterations), its price form decrypted, its file decrypted chunk by chunk and checked against the plaintext SM3
// recorded at upload, then the 唱标 record built and signed by the platform. The bids are sealed first (not timed).
// Prints `opening: <s>`. `dotnet run -c Release --project bench/Opening [-- bids MB]`.
var bids = args.Length > 0 ? int.Parse(args[0]) : 100;
var megabytes = args.Length > 1 ? int.Parse(args[1]) : 20;
const int iterations = 600_000;
var folder = Path.Combine(Path.GetTempPath(), "nxt-bench-opening");
if (Directory.Exists(folder))
{
    Directory.Delete(folder, recursive: true);
}
var store = new FileSystemBidFileStore(folder);
var keys = PlatformKeyRing.CreateNew();
var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
var sealedBids = new List<(Guid Id, Guid FileId, string Stored, string PlainSm3, PasswordWrap Wrap, byte[] Form)>();
var block = new byte[megabytes * 1024 * 1024];
for (var i = 0; i < bids; i++)
{
    RandomNumberGenerator.Fill(block);
    var id = Guid.NewGuid();
    var fileId = Guid.NewGuid();
    var key = RandomNumberGenerator.GetBytes(16);
    var (stored, output) = store.Create(".nxbf");
    SealedFileDigest digest;
    await using (output)
    {
        digest = await BidFileCipher.SealAsync(new MemoryStream(block), output, key, fileId);
    }
    var form = JsonSerializer.SerializeToUtf8Bytes(new BidPriceForm(1_000_000_00 + i * 1000, 365, "合格", $"项目经理{i}"), json);
    sealedBids.Add((id, fileId, stored, digest.PlainSm3, BidKeyWrap.WrapWithPassword(key, $"Bidder{i}pass", id, iterations),
        SealCrypto.Wrap(key, form, id.ToByteArray())));
}

var watch = Stopwatch.StartNew();
var rows = new OpeningRecordRow[bids];
await Parallel.ForEachAsync(Enumerable.Range(0, bids), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
{
    var bid = sealedBids[i];
    var key = BidKeyWrap.UnwrapWithPassword(bid.Wrap, $"Bidder{i}pass", bid.Id) ?? throw new InvalidOperationException("password");
    var form = JsonSerializer.Deserialize<BidPriceForm>(SealCrypto.Unwrap(key, bid.Form, bid.Id.ToByteArray())!, json)!;
    await using var cipher = store.OpenRead(bid.Stored)!;
    var (sm3, _) = await BidFileCipher.OpenAsync(cipher, Stream.Null, key, bid.FileId, ct);
    if (sm3 != bid.PlainSm3)
    {
        throw new InvalidOperationException("digest");
    }
    rows[i] = new OpeningRecordRow(i + 1, $"投标人{i + 1}", null, form.PriceFen, form.DurationDays, form.Quality, form.ProjectManager, "已到账", "已解密", DateTime.UtcNow);
});
var record = JsonSerializer.SerializeToUtf8Bytes(new OpeningRecord("BENCH", "开标基准", 1, "第一标段", TradeType.EngineeringBidding, DateTime.UtcNow, DateTime.UtcNow, rows), json);
var signature = keys.SignAnchor(record);
var seconds = watch.Elapsed.TotalSeconds;
Directory.Delete(folder, recursive: true);
Console.WriteLine($"bids: {bids} × {megabytes} MB, PBKDF2 {iterations:N0} iterations each, {Environment.ProcessorCount} cores; record {record.Length} bytes, signature {signature.Length} bytes");
Console.WriteLine($"opening: {seconds:F1}");
