using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>Concurrency, timers and domain events of the workflow runtime, on a real SQLite database.</summary>
public class ProjectWorkflowServiceTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 10, 0, 0);

    /// <summary>An engineering project walked to the bidding step, deadline passed and three bids in.</summary>
    private static async Task<Guid> ReadyToOpenAsync(ProjectHarness h)
    {
        var id = await h.EngineeringInNoticeAsync();
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        h.SetChinaTime(Start.AddDays(5));
        await h.FireAsync(id, "CloseDocumentSale");
        h.SetChinaTime(new DateTime(2026, 12, 17, 10, 0, 0));
        h.Facts.Set(id, "bids.count", 3);
        return id;
    }

    private static async Task<Guid> InCandidatePublicityAsync(ProjectHarness h)
    {
        var id = await ReadyToOpenAsync(h);
        await h.FireAsync(id, "OpenBids");
        await h.FireAsync(id, "StartEvaluation");
        await h.FireAsync(id, "PublishCandidates");
        return id;
    }

    [Fact]
    public async Task Fire_TwoUsersSameTriggerSameRevisionAtOnce_ExactlyOneTransition()
    {
        await using var h = await CreateAsync(onDisk: true);
        var id = await ReadyToOpenAsync(h);
        var revision = (await h.ProjectAsync(id)).Revision;
        var historyBefore = (await h.HistoryAsync(id)).Count;
        h.Act(YinchuanClerk);
        // Hold both commands after they have read the project until both have: neither can see the other's move.
        var arrived = 0;
        var bothRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Facts.OnRead = () =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothRead.SetResult();
            }
            return bothRead.Task.WaitAsync(TimeSpan.FromSeconds(20));
        };
        var first = h.Workflow();
        var second = h.Workflow();

        var outcomes = await Task.WhenAll(
            Outcome(Task.Run(() => first.FireAsync(id, "OpenBids", revision))),
            Outcome(Task.Run(() => second.FireAsync(id, "OpenBids", revision))));
        h.Facts.OnRead = null;

        Assert.Single(outcomes, o => o is null);
        var loser = Assert.Single(outcomes, o => o is not null);
        Assert.IsType<DomainException>(loser);
        Assert.Equal("该项目已被他人处理，请刷新页面查看最新状态后再操作。", loser!.Message);
        var project = await h.ProjectAsync(id);
        Assert.Equal("Opening", project.CurrentStep);
        Assert.Equal(revision + 1, project.Revision);
        var history = await h.HistoryAsync(id);
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Single(history, s => s.Trigger == "OpenBids");
    }

    [Fact]
    public async Task Fire_ApprovalRequestWithStaleRevision_RefusedAndNoSecondRequest()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        var revision = (await h.ProjectAsync(id)).Revision;
        h.Act(YinchuanClerk);
        await h.Workflow().FireAsync(id, "PublishNotice", revision);
        var historyAfterFirst = (await h.HistoryAsync(id)).Count;

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Workflow().FireAsync(id, "PublishNotice", revision));

        Assert.Contains("已被他人处理", ex.Message);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(1, await db.ApprovalRequests.CountAsync(a => a.ProjectId == id));
        Assert.Equal(historyAfterFirst, (await h.HistoryAsync(id)).Count);
    }

    [Fact]
    public async Task FireDueTimers_CandidatePublicityOfThreeDays_MovesOnlyWhenDueAndOnlyOnce()
    {
        await using var h = await CreateAsync();
        var id = await InCandidatePublicityAsync(h);
        var handler = new RecordingHandler();
        h.Handlers.Add(handler);
        h.SetChinaTime(new DateTime(2026, 12, 19, 23, 59, 0));

        Assert.Equal(0, await h.Workflow().FireDueTimersAsync());
        Assert.Equal("CandidatePublicity", (await h.ProjectAsync(id)).CurrentStep);

        h.SetChinaTime(new DateTime(2026, 12, 20, 0, 1, 0));
        Assert.Equal(1, await h.Workflow().FireDueTimersAsync());
        var moved = await h.HistoryAsync(id);
        Assert.Equal("AwardNotice", (await h.ProjectAsync(id)).CurrentStep);
        Assert.Equal(("CandidatePublicity", "AwardNotice", "IssueAward"), (moved[^1].FromStep, moved[^1].ToStep, moved[^1].Trigger));
        Assert.Equal("平台定时任务", moved[^1].UserName);

        Assert.Equal(0, await h.Workflow().FireDueTimersAsync());
        Assert.Equal(moved.Count, (await h.HistoryAsync(id)).Count);
        Assert.Single(handler.Changes);
    }

    [Fact]
    public async Task Fire_Move_HandlersReceiveStepChangeAfterCommit()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        var seen = new List<(WorkflowStepChanged Change, string StoredStep)>();
        h.Handlers.Add(new DelegateHandler(async change =>
        {
            await using var db = h.Database.CreateDbContext();
            seen.Add((change, await db.TradeProjects.Where(p => p.Id == change.ProjectId).Select(p => p.CurrentStep).SingleAsync()));
        }));

        await h.FireAsync(id, "SubmitPlan");

        var (change, stored) = Assert.Single(seen);
        Assert.Equal((id, "Registered", "PlanApproval", "SubmitPlan"), (change.ProjectId, change.FromStep, change.ToStep, change.Trigger));
        Assert.Equal(TradeType.EngineeringBidding, change.TradeType);
        Assert.Equal("PlanApproval", stored);
    }

    [Fact]
    public async Task Fire_ApprovalNeeded_EventOnlyWhenSupervisorApproves()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        var handler = new RecordingHandler();
        h.Handlers.Add(handler);

        await h.FireAsync(id, "PublishNotice");
        Assert.Empty(handler.Changes);
        h.Act(SupervisorOf("发展改革委"));
        await h.Workflow().DecideAsync((await h.ProjectAsync(id)).PendingApprovalId!.Value, true, "同意");

        var change = Assert.Single(handler.Changes);
        Assert.Equal(("PlanApproval", "Notice"), (change.FromStep, change.ToStep));
    }

    [Fact]
    public async Task Fire_FailingHandler_MoveStandsAndLaterHandlersStillCalled()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.Handlers.Add(new DelegateHandler(_ => throw new InvalidOperationException("公告模块不可用")));
        var after = new RecordingHandler();
        h.Handlers.Add(after);

        await h.FireAsync(id, "SubmitPlan");

        Assert.Equal("PlanApproval", (await h.ProjectAsync(id)).CurrentStep);
        Assert.Single(after.Changes);
        Assert.Equal("SubmitPlan", (await h.HistoryAsync(id)).Last().Trigger);
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private sealed class DelegateHandler(Func<WorkflowStepChanged, Task> handle) : IWorkflowEventHandler
    {
        public Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken) => handle(change);
    }
}
