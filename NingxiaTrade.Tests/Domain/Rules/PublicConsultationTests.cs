using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Rules;

public sealed class PublicConsultationTests : RuleTestBase
{
    private async Task<(Guid Period, Guid Rule)> PeriodAsync(string from = "2026-12-01", string to = "2026-12-31")
    {
        var rule = await PassedRuleAsync("征求意见的办法");
        var period = await Consultation.OpenAsync("2016年规则清单征求意见", null,
            ChinaTime.StartOfDayUtc(D(from)), ChinaTime.StartOfDayUtc(D(to)), [rule]);
        return (period, rule);
    }

    private void AsBidder(string id = "bidder-1")
    {
        Database.User.As(Roles.Bidder, id + "@test.cn");
        Database.User.UserId = id;
    }

    [Fact]
    public async Task Comment_OnlyWithinThePeriod()
    {
        var (period, rule) = await PeriodAsync();
        AsBidder();

        // Today is 2026-11-27: not started.
        var early = await Assert.ThrowsAsync<DomainException>(() => Consultation.CommentAsync(period, rule, "建议删除第三条的备案要求。"));
        Assert.Contains("尚未开始", early.Message);

        Database.Time.SetUtcNow(ChinaTime.StartOfDayUtc(D("2026-12-01")));
        await Consultation.CommentAsync(period, rule, "建议删除第三条的备案要求。");
        Database.Time.SetUtcNow(ChinaTime.StartOfDayUtc(D("2026-12-31")).AddTicks(-1));
        await Consultation.CommentAsync(period, null, "建议整体缩短办理时限。");

        Database.Time.SetUtcNow(ChinaTime.StartOfDayUtc(D("2026-12-31")));
        var late = await Assert.ThrowsAsync<DomainException>(() => Consultation.CommentAsync(period, rule, "补充一条意见，时间已过。"));
        Assert.Contains("已于 2026-12-31 00:00:00 结束", late.Message);

        As(Legal);
        Assert.Equal(2, (await Consultation.GetAsync(period)).Comments.Count);
    }

    [Fact]
    public async Task Comment_Anonymous_Refused()
    {
        var (period, rule) = await PeriodAsync("2026-11-01");
        Database.User.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultation.CommentAsync(period, rule, "匿名意见不被接受。"));
    }

    [Theory]
    [InlineData(Roles.Bidder)]
    [InlineData(Roles.Expert)]
    [InlineData(Roles.Supervisor)]
    public async Task Comment_AnySignedInRole_Accepted(string role)
    {
        var (period, rule) = await PeriodAsync("2026-11-01");
        Database.User.As(role);
        await Consultation.CommentAsync(period, rule, "一条合理化建议。");
    }

    [Fact]
    public async Task Outcome_PublicOnlyAfterThePeriod_WithAnswers()
    {
        var (period, rule) = await PeriodAsync("2026-11-01");
        AsBidder("bidder-1");
        var mine = await Consultation.CommentAsync(period, rule, "建议删除第三条的备案要求。");
        AsBidder("bidder-2");
        await Consultation.CommentAsync(period, rule, "建议明确保证金退还期限。");
        // While it runs, a commenter sees only its own comment and the public sees nothing.
        Assert.Single((await Consultation.GetAsync(period)).Comments);
        Assert.Empty(await Consultation.PublicOutcomesAsync());

        As(Legal);
        await Consultation.AnswerAsync(mine, CommentOutcome.Adopted, "已采纳，删除第三条。");
        AsBidder("bidder-2");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultation.AnswerAsync(mine, CommentOutcome.Rejected, "越权答复"));
        As(Legal);
        await Consultation.CloseAsync(period);

        var outcome = Assert.Single(await Consultation.PublicOutcomesAsync());
        Assert.Equal(2, outcome.Comments.Count);
        var answered = outcome.Comments.Single(c => c.Id == mine);
        Assert.Equal((CommentOutcome.Adopted, "已采纳，删除第三条。"), (answered.Outcome, answered.Reply));
        AsBidder("bidder-2");
        Assert.Equal(2, (await Consultation.GetAsync(period)).Comments.Count);
    }

    [Fact]
    public async Task Open_NotLegalOfficer_Refused()
    {
        var rule = await PassedRuleAsync("某办法");
        As(Housing);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Consultation.OpenAsync("征求意见", null, DateTime.UtcNow, DateTime.UtcNow.AddDays(1), [rule]));
    }
}
