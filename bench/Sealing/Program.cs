using System.Diagnostics;
using System.Security.Cryptography;
using NingxiaTrade.Domain.Bidding;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

// Seals a 500 MB bid file through the upload path — a file stream in, the content check, SM3 of the plaintext, chunked
// SM4-GCM, SM3 of the ciphertext, the file-system bid store — and then runs the same primitives over the same bytes in
// memory with no I/O, one after the other on one core. Prints both rates, their ratio (goal ≥ 0.8) and the working set
// the sealing added (goal: flat, < 200 MB above the baseline). `dotnet run -c Release --project bench/Sealing [-- MB]`.
var megabytes = args.Length > 0 ? int.Parse(args[0]) : 500;
var folder = Path.Combine(Path.GetTempPath(), "nxt-bench-sealing");
Directory.CreateDirectory(folder);
var input = Path.Combine(folder, "input.pdf");
if (!File.Exists(input) || new FileInfo(input).Length != megabytes * 1024L * 1024)
{
    await using var file = File.Create(input);
    var block = new byte[1024 * 1024];
    "%PDF-1.7\n"u8.CopyTo(block);
    for (var i = 0; i < megabytes; i++)
    {
        RandomNumberGenerator.Fill(i == 0 ? block.AsSpan(9) : block);
        await file.WriteAsync(block);
    }
}
var bytes = megabytes * 1024L * 1024;
var key = RandomNumberGenerator.GetBytes(16);
var store = new FileSystemBidFileStore(Path.Combine(folder, "store"));

// The path, with the working set sampled every 20 ms.
GC.Collect();
var process = Process.GetCurrentProcess();
process.Refresh();
var baseline = process.WorkingSet64;
var peak = baseline;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        await Task.Delay(20);
    }
});
var watch = Stopwatch.StartNew();
var inspector = new BidFileInspector("input.pdf", bytes + 1);
var (stored, output) = store.Create(".nxbf");
SealedFileDigest digest;
await using (var source = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: true))
await using (output)
{
    digest = await BidFileCipher.SealAsync(source, output, key, Guid.NewGuid(), inspector.Inspect);
}
var path = watch.Elapsed.TotalSeconds;
sampling.Cancel();
await sampler;
store.Delete(stored);

// The same primitives over the same bytes in memory: no I/O, no pipeline, one core.
var plain = await File.ReadAllBytesAsync(input);
var chunk = BidFileCipher.DefaultChunkSize;
var cipherBuffer = new byte[chunk + 16];
var nonce = new byte[12];
watch.Restart();
var plainSm3 = new SM3Digest();
var cipherSm3 = new SM3Digest();
var gcm = new GcmBlockCipher(new SM4Engine());
for (long offset = 0; offset < plain.LongLength; offset += chunk)
{
    var span = plain.AsSpan((int)offset, (int)Math.Min(chunk, plain.LongLength - offset));
    plainSm3.BlockUpdate(span);
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), (uint)(offset / chunk)); // a fresh nonce per chunk, as the path does
    gcm.Init(true, new AeadParameters(new KeyParameter(key), 128, nonce, []));
    var n = gcm.ProcessBytes(span, cipherBuffer);
    n += gcm.DoFinal(cipherBuffer.AsSpan(n));
    cipherSm3.BlockUpdate(cipherBuffer.AsSpan(0, n));
}
var primitives = watch.Elapsed.TotalSeconds;

var mb = bytes / 1024d / 1024d;
Console.WriteLine($"file: {mb:F0} MB, ciphertext {digest.CipherLength / 1024d / 1024d:F1} MB, {Environment.ProcessorCount} cores");
Console.WriteLine($"sealing: {mb / path:F1} MB/s ({path:F1} s)");
Console.WriteLine($"primitives only: {mb / primitives:F1} MB/s ({primitives:F1} s)");
Console.WriteLine($"ratio: {primitives / path:F2}");
Console.WriteLine($"peak working set during sealing: {(peak - baseline) / 1024d / 1024d:F0} MB above the baseline of {baseline / 1024d / 1024d:F0} MB");
