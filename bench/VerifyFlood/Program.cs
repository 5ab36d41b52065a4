using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

// Issue 9 probe: 25 parallel 20 MB posts to POST /api/public/signatures/verify took the workbench from 0.6 to 2.9 GB.
// Starts the built workbench (Release) as its own process on a free port with an empty database, fires the posts
// and prints the workbench process's working set before, at its peak and after.
//   dotnet run -c Release --project bench/VerifyFlood [-- --parallel 25 --megabytes 20 --json]
var parallel = Option("--parallel", 25);
var megabytes = Option("--megabytes", 20);
var json = args.Contains("--json");

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "NingxiaTrade.sln")))
{
    root = root.Parent;
}
var project = Path.Combine(root!.FullName, "NingxiaTrade.Workbench");
var dll = Path.Combine(project, "bin", "Release", "net10.0", "NingxiaTrade.Workbench.dll");
var data = Path.Combine(Path.GetTempPath(), "nxt-verify-flood", Guid.NewGuid().ToString("N"));
var port = 5600 + Random.Shared.Next(300);
var start = new ProcessStartInfo("dotnet", [dll])
{
    WorkingDirectory = project,
    UseShellExecute = false,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
start.Environment["Database__DataFolder"] = data;
start.Environment["DemoData__Enabled"] = "false";
// The bench measures memory, not throttling: one address sends all posts.
start.Environment["RateLimits__Enabled"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var app = Process.Start(start)!;
app.OutputDataReceived += (_, _) => { };
app.ErrorDataReceived += (_, _) => { };
app.BeginOutputReadLine();
app.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) };
    await WaitHealthyAsync(http);
    await Task.Delay(2000);
    var before = WorkingSet(app);

    var document = new byte[megabytes * 1024 * 1024];
    Random.Shared.NextBytes(document);
    var base64 = json ? Convert.ToBase64String(document) : null;
    long peak = before;
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            peak = Math.Max(peak, WorkingSet(app));
            await Task.Delay(20);
        }
    });

    var clock = Stopwatch.StartNew();
    var statuses = await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
    {
        HttpContent content;
        if (json)
        {
            content = new StringContent($"{{\"document\":\"{base64}\",\"signature\":\"NXSIG1.a.b\"}}", Encoding.UTF8, "application/json");
        }
        else
        {
            var file = new ByteArrayContent(document);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content = new MultipartFormDataContent { { file, "document", "标书.pdf" }, { new StringContent("NXSIG1.a.b"), "signature" } };
        }
        using (content)
        {
            using var response = await http.PostAsync("/api/public/signatures/verify", content);
            return (int)response.StatusCode;
        }
    }));
    clock.Stop();
    await Task.Delay(1000);
    sampling.Cancel();
    await sampler;
    app.Refresh();
    peak = Math.Max(peak, app.PeakWorkingSet64);
    await Task.Delay(3000);
    var after = WorkingSet(app);

    Console.WriteLine($"posts: {parallel} × {megabytes} MB ({(json ? "JSON base64" : "multipart")}), {clock.Elapsed.TotalSeconds:0.0} s, statuses: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"))}");
    Console.WriteLine($"working set before: {Mb(before)} MB");
    Console.WriteLine($"peak working set: {Mb(peak)} MB");
    Console.WriteLine($"working set after: {Mb(after)} MB");
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException)
    {
    }
}
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
}

static long WorkingSet(Process process)
{
    process.Refresh();
    return process.WorkingSet64;
}

static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0");

static async Task WaitHealthyAsync(HttpClient http)
{
    for (var i = 0; i < 600; i++)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }
        await Task.Delay(500);
    }
    throw new TimeoutException("工作台未能在 5 分钟内启动。");
}
