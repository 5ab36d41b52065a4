using Microsoft.AspNetCore.Identity;
using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>A clock that only moves when demo seeding moves it, so seeded histories respect the legal periods.</summary>
public sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void MoveTo(DateTimeOffset at) => _now = at;
}

/// <summary>
/// A demo account acting through the real services, in a scope of its own, on the seeding clock: what it
/// changes is audited under its name, and the services it asks for see the seeding time.
/// </summary>
public sealed class DemoActor : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly TimeProvider _clock;

    private DemoActor(AsyncServiceScope scope, TimeProvider clock)
    {
        _scope = scope;
        _clock = clock;
    }

    public static async Task<DemoActor> CreateAsync(IServiceProvider services, string email, TimeProvider clock)
    {
        var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"演示账户 {email} 不存在。");
        sp.GetRequiredService<WorkbenchCurrentUser>().Override =
            await sp.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        return new DemoActor(scope, clock);
    }

    /// <summary>A service of this actor's scope, built with the seeding clock in place of the system clock (if it takes one).</summary>
    public T Create<T>() where T : class =>
        typeof(T).GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(TimeProvider)))
            ? ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider, _clock)
            : ActivatorUtilities.CreateInstance<T>(_scope.ServiceProvider);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

/// <summary>
/// A platform job run once a minute in a scope of its own as the platform itself; a failed run is logged and
/// retried at the next tick. It keeps no state between runs, so it is idempotent and survives restarts.
/// </summary>
public abstract class MinuteJob(IServiceScopeFactory scopes, ILogger logger, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>One run; returns how many things it did (logged when more than zero).</summary>
    protected abstract Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkbenchCurrentUser>().Override = new System.Security.Claims.ClaimsPrincipal(
                    new System.Security.Claims.ClaimsIdentity(
                        [new(System.Security.Claims.ClaimTypes.Name, "平台定时任务"), new(System.Security.Claims.ClaimTypes.Role, "System")], "system"));
                var done = await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                if (done > 0)
                {
                    logger.LogInformation("{Job} handled {Count} item(s).", GetType().Name, done);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Job} run failed; will retry.", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
