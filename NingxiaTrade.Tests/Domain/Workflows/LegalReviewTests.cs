using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Workflows;

/// <summary>Issue 10 item 7: lowering a statutory figure is a legal act that waits for the legal office.</summary>
public class LegalReviewTests
{
    private const string Engineering = "engineering-bidding";

    private static async Task<Guid> DraftAsync(ProjectHarness h, Action<WorkflowBody> change)
    {
        h.User.As(Roles.Admin);
        var definitions = h.Definitions();
        var id = await definitions.CreateDraftAsync(Engineering);
        var draft = await definitions.GetAsync(id);
        var body = draft.Body;
        change(body);
        Assert.Empty(await definitions.SaveDraftAsync(id, draft.Name, body));
        return id;
    }

    [Fact]
    public async Task Publish_TwentyDaysLoweredToFifteen_WaitsForLegalOfficeAndNewProjectsKeepTheLawfulVersion()
    {
        await using var h = await CreateAsync();
        var id = await DraftAsync(h, b => b.BidDeadline!.Days = 15);

        var lowered = await h.Definitions().PublishAsync(id);

        Assert.Equal(["投标截止时间的最短期限由法定的20日调低为15日（《招标投标法》第二十四条）"], lowered);
        var draft = await h.Definitions().GetAsync(id);
        Assert.False(draft.IsPublished);
        Assert.Equal(LegalReviewStatus.Pending, draft.LegalReview);
        Assert.Equal(1, (await h.Definitions().PublishedAsync()).Single(d => d.DefinitionId == Engineering).Version);
        var edit = await Assert.ThrowsAsync<DomainException>(() => h.Definitions().SaveDraftAsync(id, draft.Name, draft.Body));
        Assert.Contains("已提交法制审核", edit.Message);
    }

    [Fact]
    public async Task DecideLegalReview_ApprovedWithWrittenOpinion_PublishesWithTheApprovalDate()
    {
        await using var h = await CreateAsync();
        var id = await DraftAsync(h, b => b.BidDeadline!.Days = 15);
        await h.Definitions().PublishAsync(id);

        h.User.As(Roles.LegalOfficer);
        var item = Assert.Single(await h.Definitions().LegalReviewQueueAsync());
        Assert.Contains(item.Differences, d => d.Kind == "投标截止期限");
        var shortOpinion = await Assert.ThrowsAsync<DomainException>(() => h.Definitions().DecideLegalReviewAsync(id, true, "同意"));
        Assert.Contains("书面审核意见", shortOpinion.Message);
        await h.Definitions().DecideLegalReviewAsync(id, true, "依据本省依法必须招标项目简化程序的试点规定，同意调整为15日。");

        var published = (await h.Definitions().PublishedAsync()).Single(d => d.DefinitionId == Engineering);
        Assert.Equal((2, LegalReviewStatus.Approved), (published.Version, published.LegalReview));
        Assert.NotNull(published.LegalReviewedUtc);
        Assert.Empty(await h.Definitions().LegalReviewQueueAsync());
    }

    [Fact]
    public async Task DecideLegalReview_Returned_DraftEditableAgainAndNothingPublished()
    {
        await using var h = await CreateAsync();
        var id = await DraftAsync(h, b => b.Transitions.Single(t => t.Trigger == "OpenBids").Guards.RemoveAll(g => g.Name == "FactAtLeast"));
        var lowered = await h.Definitions().PublishAsync(id);
        Assert.Contains(lowered, l => l.Contains("删除了有法律依据的条件：投标人不少于3个") && l.Contains("第四十四条"));

        h.User.As(Roles.LegalOfficer);
        await h.Definitions().DecideLegalReviewAsync(id, false, "投标人少于3个不得开标是法定条件，不得删除。");

        h.User.As(Roles.Admin);
        var draft = await h.Definitions().GetAsync(id);
        Assert.Equal((false, LegalReviewStatus.Returned), (draft.IsPublished, draft.LegalReview));
        Assert.NotNull(await h.Definitions().SaveDraftAsync(id, draft.Name, DefaultWorkflows.Primary(TradeType.EngineeringBidding)));
        Assert.Empty(await h.Definitions().PublishAsync(id));
        Assert.True((await h.Definitions().GetAsync(id)).IsPublished);
    }

    [Fact]
    public async Task DecideLegalReview_ByAdmin_Refused()
    {
        await using var h = await CreateAsync();
        var id = await DraftAsync(h, b =>
        {
            b.Step("CandidatePublicity")!.MinimumDays = 2;
            b.Step("CandidatePublicity")!.LegalBasis = "试点地区中标候选人公示期不少于2日";
        });
        await h.Definitions().PublishAsync(id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Definitions().DecideLegalReviewAsync(id, true, "管理员自行同意调低公示期限。"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Definitions().LegalReviewQueueAsync());
        Assert.Equal(LegalReviewStatus.Pending, (await h.Definitions().GetAsync(id)).LegalReview);
    }

    [Fact]
    public void Validate_BasisStatesAnotherPeriod_Fault()
    {
        var body = DefaultWorkflows.Primary(TradeType.GovernmentProcurement);
        body.Step("Notice")!.MinimumDays = 7;

        var faults = WorkflowValidator.Validate(body);

        Assert.Contains("环节“采购公告”的法律依据写明5个工作日，与最短期限7个工作日不一致", faults);
    }

    [Fact]
    public void Lowerings_WorkingDaysTurnedIntoCalendarDays_Found()
    {
        var body = DefaultWorkflows.Primary(TradeType.StateAssetTransfer);
        body.Step("Disclosure")!.WorkingDays = false;

        var lowered = StatutoryFigures.Lowerings(body, TradeType.StateAssetTransfer, NingxiaTrade.Domain.Projects.TradeMethod.Listing);

        Assert.Equal(["“信息披露”的期限由法定的20个工作日调低为20日（正式披露信息时间不得少于20个工作日（《企业国有资产交易监督管理办法》（国务院国资委 财政部令第32号）））"], lowered);
    }
}
