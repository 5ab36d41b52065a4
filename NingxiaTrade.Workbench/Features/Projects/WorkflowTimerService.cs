using System.Security.Claims;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>
/// Fires workflow timers once a minute. Idempotent and restart-safe: it keeps no state of its own; what is due
/// is computed from each project's history every time, and a project already moved is skipped.
/// </summary>
public sealed class WorkflowTimerService(IServiceScopeFactory scopes, ILogger<WorkflowTimerService> logger, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkbenchCurrentUser>().Override =
                    new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "平台定时任务"), new Claim(ClaimTypes.Role, "System")], "system"));
                var fired = await scope.ServiceProvider.GetRequiredService<ProjectWorkflowService>().FireDueTimersAsync(stoppingToken);
                if (fired > 0)
                {
                    logger.LogInformation("Workflow timers fired {Count} transition(s).", fired);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Workflow timer run failed; will retry.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
