using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>Sends the period-ended reminders of workflow timers once a minute; what is due is computed from each project's history every time.</summary>
public sealed class WorkflowTimerService(IServiceScopeFactory scopes, ILogger<WorkflowTimerService> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ProjectWorkflowService>().RemindDueTimersAsync(cancellationToken);
}
