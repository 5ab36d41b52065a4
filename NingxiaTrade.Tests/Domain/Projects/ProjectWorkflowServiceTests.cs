using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
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
        h.SetChinaTime(Start.AddDays(6).Date); // the 5-day sale period (11-28 … 12-02) has ended at 24:00 of 12-02
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
    public async Task RemindDueTimers_CandidatePublicityOfThreeDays_RemindsOnceAfterItEndsAndNeverMoves()
    {
        await using var h = await CreateAsync();
        var id = await InCandidatePublicityAsync(h); // entered 2026-12-17 10:00: publicity 12-18 … 12-20, ends 24:00 of 12-20
        var handler = new RecordingHandler();
        h.Handlers.Add(handler);
        h.SetChinaTime(new DateTime(2026, 12, 20, 23, 59, 0));

        Assert.Equal(0, await h.Workflow().RemindDueTimersAsync());

        h.SetChinaTime(new DateTime(2026, 12, 21, 0, 0, 0));
        Assert.Equal(1, await h.Workflow().RemindDueTimersAsync());
        var history = await h.HistoryAsync(id);
        // Issuing the award notice is the tenderer's decision (《招标投标法》第四十五条): the platform only reminds.
        Assert.Equal("CandidatePublicity", (await h.ProjectAsync(id)).CurrentStep);
        Assert.Equal(("CandidatePublicity", "CandidatePublicity"), (history[^1].FromStep, history[^1].ToStep));
        Assert.Contains("期限届满提醒", history[^1].Action);
        Assert.Equal("平台定时任务", history[^1].UserName);
        Assert.Empty(handler.Changes);

        Assert.Equal(0, await h.Workflow().RemindDueTimersAsync());
        Assert.Equal(history.Count, (await h.HistoryAsync(id)).Count);
        var award = await h.ActionAsync(id, "IssueAward");
        Assert.True(award.Allowed, string.Join("；", award.Reasons));
    }

    [Fact]
    public async Task Suspend_ObjectionOnResult_EveryMoveRefusedUntilResumed()
    {
        await using var h = await CreateAsync();
        var id = await InCandidatePublicityAsync(h);
        h.SetChinaTime(new DateTime(2026, 12, 21, 9, 0, 0));
        h.Act(YinchuanClerk);

        await h.Workflow().SuspendAsync(id, (await h.ProjectAsync(id)).Revision, "投标人对评标结果提出异议，答复前暂停");

        // 《招标投标法实施条例》第五十四条第二款: no award while the objection is open, and no other move either.
        var actions = await h.Workflow().ActionsAsync(id);
        Assert.All(actions, a => Assert.Contains(a.Reasons, r => r.Contains("暂停：投标人对评标结果提出异议")));
        var ex = await Assert.ThrowsAsync<DomainException>(() => h.FireAsync(id, "IssueAward"));
        Assert.Contains("解除暂停前不得办理", ex.Message);
        Assert.Equal("CandidatePublicity", (await h.ProjectAsync(id)).CurrentStep);

        await h.Workflow().ResumeAsync(id, (await h.ProjectAsync(id)).Revision, "异议已于12月22日书面答复");
        Assert.True((await h.ActionAsync(id, "IssueAward")).Allowed);
        var history = await h.HistoryAsync(id);
        Assert.Equal(["暂停项目", "解除暂停"], history.TakeLast(2).Select(r => r.Action));
    }

    [Fact]
    public async Task Suspend_ByTendererOrWithoutReason_RefusedAndNothingChanges()
    {
        await using var h = await CreateAsync();
        var id = await InCandidatePublicityAsync(h);
        var revision = (await h.ProjectAsync(id)).Revision;

        h.Act(TendererId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Workflow().SuspendAsync(id, revision, "想暂停一下项目"));
        h.Act(YinchuanClerk);
        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Workflow().SuspendAsync(id, revision, "暂停"));
        Assert.Contains("请填写暂停原因", ex.Message);
        var resume = await Assert.ThrowsAsync<DomainException>(() => h.Workflow().ResumeAsync(id, revision, "恢复项目办理"));
        Assert.Equal("项目未暂停，无需恢复。", resume.Message);

        var project = await h.ProjectAsync(id);
        Assert.False(project.IsSuspended);
        Assert.Equal(revision, project.Revision);
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
