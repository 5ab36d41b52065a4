using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>Sends the period-ended reminders of workflow timers and the overdue-duty reminders once a minute; what is due is computed every time.</summary>
public sealed class WorkflowTimerService(IServiceScopeFactory scopes, ILogger<WorkflowTimerService> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override async Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<ProjectWorkflowService>().RemindDueTimersAsync(cancellationToken)
        // Duties with a deadline: the clerks and the supervising department are told once when one is overdue.
        + await services.GetRequiredService<ProjectDutyService>().NotifyOverdueAsync(cancellationToken);
}
