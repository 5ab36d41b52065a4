using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// The real workbench (Development, demo data) on its own temporary SQLite file. Call
/// <see cref="StartKestrel"/> for browser tests: Blazor Server needs a real port for its websocket.
/// </summary>
public class WorkbenchFactory : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "nxt-tests", Guid.NewGuid().ToString("N"));

    private bool _kestrel;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("ConnectionStrings:Sqlite", "");
        builder.UseSetting("DemoData:Enabled", "true");
        // Dozens of test sign-ins come from one address; ThrottledFactory turns throttling on where it is tested.
        builder.UseSetting("RateLimits:Enabled", "false");
        // Production refuses to start without a platform key file: every test app gets its own.
        var keyFile = Path.Combine(DataFolder, "platform-keys.json");
        if (!File.Exists(keyFile))
        {
            NingxiaTrade.Domain.Common.PlatformKeyRing.CreateNew().Save(keyFile);
        }
        builder.UseSetting("Security:PlatformKeyFile", keyFile);
    }

    public string DatabasePath => Path.Combine(DataFolder, "ningxiatrade.db");

    /// <summary>Starts on a real loopback port and returns its base address, e.g. http://127.0.0.1:41234.</summary>
    public string StartKestrel()
    {
        if (!_kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            _kestrel = true;
        }
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return addresses.Addresses.First().TrimEnd('/');
    }

    public HttpClient CreateCookieClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The demo accounts exactly as appsettings.Development.json configures them.</summary>
public sealed record DemoAccount(string Email, string Password, string Role, string DisplayName)
{
    public static IReadOnlyList<DemoAccount> All { get; } = Load();

    /// <summary>The first demo account of the role (a role may have several, e.g. clerks of two centres).</summary>
    public static DemoAccount ForRole(string role) => All.First(a => a.Role == role);

    public static DemoAccount ForEmail(string email) => All.Single(a => a.Email == email);

    private static List<DemoAccount> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NingxiaTrade.sln")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir!.FullName, "NingxiaTrade.Workbench", "appsettings.Development.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("DemoData").GetProperty("Accounts").EnumerateArray()
            .Select(a => new DemoAccount(
                a.GetProperty("Email").GetString()!,
                a.GetProperty("Password").GetString()!,
                a.GetProperty("Role").GetString()!,
                a.GetProperty("DisplayName").GetString()!))
            .ToList();
    }
}
