using Microsoft.Playwright;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// One workbench on a real Kestrel port and one headless system Chromium, shared by every test of the
/// <see cref="BrowserCollection"/>. Each test opens its own <see cref="BrowserSession"/> (a fresh context:
/// no cookies, no storage) so tests never see each other's sign-in.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WorkbenchFactory Factory { get; } = new();
    public string BaseAddress { get; private set; } = "";

    /// <summary>PNGs land here, below the test output folder, so CI can keep them as artefacts.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async ValueTask InitializeAsync()
    {
        BaseAddress = Factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page; dispose it at the end of the test.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            // Wide enough for MudBlazor's responsive drawer to stay open beside the page.
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        // Generous: a busy 2-core CI machine can take a while to start a circuit.
        context.SetDefaultTimeout(45_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>One test's browser context and page, with the journeys every browser test needs.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>
    /// Signs in through the login form and waits until the Blazor circuit is connected: a click made before
    /// that is lost, so every test starts from an interactive page.
    /// </summary>
    public async Task LoginAsync(DemoAccount account)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#Input\\.Email", account.Email);
        await Page.FillAsync("#Input\\.Password", account.Password);
        await Page.ClickAsync("#login-submit");
        await WaitForInteractiveAsync();
    }

    /// <summary>
    /// Waits until the browser's own location path matches <paramref name="pathPattern"/> and returns it. Polled in
    /// the page: after Blazor's in-app navigation Playwright's navigation tracking sometimes misses the URL change.
    /// </summary>
    public async Task<string> WaitForPathAsync(string pathPattern)
    {
        await Page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.pathname)", pathPattern);
        return await Page.EvaluateAsync<string>("() => location.pathname");
    }

    public Task WaitForInteractiveAsync() =>
        Page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Writes a full-page PNG to <see cref="BrowserFixture.ScreenshotFolder"/>; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        var safe = string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, safe + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}

// Runs alone, after the parallel collections: the browser journeys are timing-sensitive on a busy 2-core machine.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
