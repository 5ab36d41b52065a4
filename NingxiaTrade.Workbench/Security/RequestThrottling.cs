using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace NingxiaTrade.Workbench.Security;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per address in <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Progressive blocking of an address after failed logins (see <see cref="LoginThrottle"/>).</summary>
public sealed class LoginFailureLimit
{
    /// <summary>Failed logins from one address that block it; must stay below Identity's account lockout (5).</summary>
    public int FailuresBeforeBlock { get; set; } = 4;

    /// <summary>The first block; each further block of the same address doubles, up to <see cref="MaxBlockMinutes"/>.</summary>
    public int FirstBlockMinutes { get; set; } = 5;

    public int MaxBlockMinutes { get; set; } = 24 * 60;

    /// <summary>An address with no failed login for this long starts again from nothing.</summary>
    public int ForgetAfterHours { get; set; } = 24;
}

/// <summary><c>RateLimits:*</c> — throttling per client address.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POST of the sign-in forms (/Account/Login, the two-factor and recovery-code forms).</summary>
    public WindowLimit Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>POST /Account/Register.</summary>
    public WindowLimit Registration { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    /// <summary>Every request to /api/public/*.</summary>
    public WindowLimit PublicApi { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Every multipart POST (file uploads over HTTP).</summary>
    public WindowLimit Upload { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    public LoginFailureLimit LoginFailures { get; set; } = new();
}

/// <summary>ASP.NET Core rate limiting per client address for sign-in, registration, the public API and uploads.</summary>
public static class RequestThrottling
{
    private static readonly string[] SignInForms = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    public static IServiceCollection AddRequestThrottling(this IServiceCollection services, RateLimitSettings settings, int accountLockoutAfter)
    {
        if (settings.Enabled && settings.LoginFailures.FailuresBeforeBlock >= accountLockoutAfter)
        {
            // The address must be blocked before its failures can lock the account it guesses at.
            throw new InvalidOperationException(
                $"RateLimits:LoginFailures:FailuresBeforeBlock ({settings.LoginFailures.FailuresBeforeBlock}) 必须小于账户锁定次数 ({accountLockoutAfter})。");
        }
        services.AddSingleton(settings);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => RejectAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : null);
            if (settings.Enabled)
            {
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                    Bucket("login", settings.Login, IsSignInPost),
                    Bucket("register", settings.Registration, r => HttpMethods.IsPost(r.Method) && r.Path.Equals("/Account/Register", StringComparison.OrdinalIgnoreCase)),
                    Bucket("public", settings.PublicApi, r => r.Path.StartsWithSegments("/api/public")),
                    Bucket("upload", settings.Upload, r => HttpMethods.IsPost(r.Method) && r.HasFormContentType && r.ContentType!.Contains("multipart/", StringComparison.OrdinalIgnoreCase)));
            }
        });
        return services;
    }

    /// <summary>Rate limits, then the progressive block of addresses that keep failing to sign in.</summary>
    public static WebApplication UseRequestThrottling(this WebApplication app)
    {
        app.UseRateLimiter();
        var settings = app.Services.GetRequiredService<RateLimitSettings>();
        if (!settings.Enabled)
        {
            return app;
        }
        var throttle = app.Services.GetRequiredService<LoginThrottle>();
        app.Use(async (context, next) =>
        {
            if (IsSignInPost(context.Request) && throttle.BlockedFor(ClientAddress.Of(context)) is { } wait)
            {
                await RejectAsync(context, wait, $"该地址登录失败次数过多，已暂停登录，请在 {Math.Ceiling(wait.TotalMinutes)} 分钟后重试。");
                return;
            }
            await next(context);
        });
        return app;
    }

    public static bool IsSignInPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInForms.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static PartitionedRateLimiter<HttpContext> Bucket(string name, WindowLimit limit, Func<HttpRequest, bool> applies) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => applies(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter($"{name}:{ClientAddress.Of(context)}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static async ValueTask RejectAsync(HttpContext context, TimeSpan? retryAfter, string? detail = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        var seconds = retryAfter is { } r ? (int)Math.Ceiling(r.TotalSeconds) : (int?)null;
        if (seconds is not null)
        {
            context.Response.Headers.RetryAfter = seconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await ChineseErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests,
            detail ?? (seconds is { } s ? $"请求过于频繁，请在 {s} 秒后重试。" : "请求过于频繁，请稍后重试。"));
    }
}

/// <summary>
/// Progressive blocking per address after failed sign-ins. With the defaults an address is blocked after 4 failures
/// for 5 minutes, then 10, 20, 40 … up to a day, and only a whole day without a failure forgets it. A success does
/// not clear the count (else an attacker would interleave sign-ins to an account of its own). The account itself
/// locks after 5 failures (Identity, 15 minutes), so one address is blocked before it can lock an account, and the
/// doubling blocks leave it fewer and fewer guesses: it cannot keep a known account locked. Kept in memory per
/// instance: a restart forgets blocks (the account lockout stays in the database).
/// </summary>
public sealed class LoginThrottle(RateLimitSettings settings, TimeProvider time)
{
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _addresses = new();

    /// <summary>How long the address must still wait, or null when it may try.</summary>
    public TimeSpan? BlockedFor(string address)
    {
        if (!_addresses.TryGetValue(address, out var entry))
        {
            return null;
        }
        lock (entry)
        {
            var left = entry.BlockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    public void Failed(string address)
    {
        var limit = settings.LoginFailures;
        var now = time.GetUtcNow();
        if (_addresses.Count > MaxTracked)
        {
            Forget(now);
        }
        var entry = _addresses.GetOrAdd(address, _ => new Entry());
        lock (entry)
        {
            if (now - entry.LastFailure > TimeSpan.FromHours(limit.ForgetAfterHours))
            {
                entry.Failures = 0;
                entry.Blocks = 0;
            }
            entry.LastFailure = now;
            entry.Failures++;
            if (entry.Failures >= limit.FailuresBeforeBlock)
            {
                var minutes = Math.Min(limit.MaxBlockMinutes, limit.FirstBlockMinutes * Math.Pow(2, Math.Min(entry.Blocks, 20)));
                entry.BlockedUntil = now.AddMinutes(minutes);
                entry.Blocks++;
                entry.Failures = 0;
            }
        }
    }

    private void Forget(DateTimeOffset now)
    {
        var horizon = TimeSpan.FromHours(settings.LoginFailures.ForgetAfterHours);
        foreach (var (key, entry) in _addresses)
        {
            if (now - entry.LastFailure > horizon && entry.BlockedUntil < now)
            {
                _addresses.TryRemove(key, out _);
            }
        }
    }

    private sealed class Entry
    {
        public int Failures;
        public int Blocks;
        public DateTimeOffset LastFailure;
        public DateTimeOffset BlockedUntil;
    }
}
