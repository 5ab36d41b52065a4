using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>Registration and editing of projects, with the statutory limits checked in Chinese.</summary>
public class ProjectRegistrationTests
{
    private static ProjectForm WithLot(ProjectForm form, decimal priceYuan, decimal depositYuan) =>
        form with { Lots = [new LotForm("第一标段", Yuan(priceYuan), Yuan(depositYuan), null)] };

    [Fact]
    public async Task Register_EngineeringDepositAboveTwoPercent_RefusedCitingArticle26AndNothingSaved()
    {
        await using var h = await CreateAsync();
        // 2% of 12,345.67 yuan is 246.9134 yuan: 246.91 is the most allowed.
        var form = WithLot(h.Form(TradeType.EngineeringBidding), 12_345.67m, 246.92m);

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.EngineeringBidding, form: form));

        Assert.Contains("投标保证金 246.92 元 超过估算价的2%（246.91 元）", ex.Message);
        Assert.Contains("《招标投标法实施条例》第二十六条", ex.Message);
        h.Act(YinchuanClerk);
        Assert.Equal(0, (await h.Registration().ListAsync(new ProjectQuery())).TotalCount);
    }

    [Theory]
    [InlineData(10_000_000, 200_000)]
    [InlineData(12_345.67, 246.91)]
    public async Task Register_EngineeringDepositAtMostTwoPercentToTheFen_Accepted(decimal price, decimal deposit)
    {
        await using var h = await CreateAsync();

        var id = await h.RegisterAsync(TradeType.EngineeringBidding, form: WithLot(h.Form(TradeType.EngineeringBidding), price, deposit));

        var project = await h.ProjectAsync(id);
        Assert.Equal("Registered", project.CurrentStep);
        Assert.Matches(@"^640100-2026-GC-0001$", project.Code);
    }

    [Fact]
    public async Task Register_ProcurementDepositAboveTwoPercent_Refused()
    {
        await using var h = await CreateAsync();

        var ex = await Assert.ThrowsAsync<FormValidationException>(() =>
            h.RegisterAsync(TradeType.GovernmentProcurement, form: WithLot(h.Form(TradeType.GovernmentProcurement), 1_000_000, 20_000.01m)));

        Assert.Contains("超过预算金额的2%", ex.Message);
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding, TradeMethod.Listing, "工程建设招标投标不能采用“挂牌”方式。")]
    [InlineData(TradeType.DrugProcurement, TradeMethod.OpenTender, "药品采购不能采用“公开招标”方式。")]
    public async Task Register_TradeMethodNotForType_Refused(TradeType type, TradeMethod method, string message)
    {
        await using var h = await CreateAsync();

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(type, form: h.Form(type) with { TradeMethod = method }));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task Register_DepartmentNotSupervisingTheType_Refused()
    {
        await using var h = await CreateAsync();
        var form = h.Form(TradeType.EngineeringBidding) with { SupervisingDepartmentId = h.Departments["财政厅"] };

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.EngineeringBidding, form: form));

        Assert.Equal("宁夏回族自治区财政厅不监管工程建设招标投标项目，请重新选择行政监督部门。", ex.Message);
    }

    [Fact]
    public async Task Register_CityClerkForAnotherCentre_Refused()
    {
        await using var h = await CreateAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.RegisterAsync(TradeType.EngineeringBidding, WuzhongClerk));

        Assert.Equal("只能在本交易中心登记项目。", ex.Message);
    }

    [Fact]
    public async Task Edit_InFirstStep_SavedAndRevisionBumped()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        var revision = (await h.ProjectAsync(id)).Revision;

        await h.Registration().EditAsync(id, revision, h.Form(TradeType.EngineeringBidding) with { Name = "银川市某道路改造工程施工（二期）" });

        var project = await h.ProjectAsync(id);
        Assert.Equal("银川市某道路改造工程施工（二期）", project.Name);
        Assert.Equal(revision + 1, project.Revision);
        var stale = await Assert.ThrowsAsync<DomainException>(() => h.Registration().EditAsync(id, revision, h.Form(TradeType.EngineeringBidding)));
        Assert.Contains("已被他人修改", stale.Message);
    }

    [Fact]
    public async Task Edit_AfterLeavingFirstStep_Refused()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        var revision = (await h.ProjectAsync(id)).Revision;

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            h.Registration().EditAsync(id, revision, h.Form(TradeType.EngineeringBidding) with { Name = "改过的项目名称" }));

        Assert.Equal("项目已进入后续环节，登记信息不能再修改。", ex.Message);
        Assert.Equal("银川市某道路改造工程施工", (await h.ProjectAsync(id)).Name);
    }

    [Fact]
    public async Task Edit_WhileFirstStepAwaitsApproval_Refused()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.LandAndMiningRights);
        await h.FireAsync(id, "PublishNotice");
        var revision = (await h.ProjectAsync(id)).Revision;

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            h.Registration().EditAsync(id, revision, h.Form(TradeType.LandAndMiningRights) with { Lots = [new LotForm("YC2026-01号地块", Yuan(1_000_000), Yuan(0), null)] }));

        Assert.Contains("等待行政监督部门审批", ex.Message);
        Assert.Equal(Yuan(30_000_000), Assert.Single((await h.Registration().GetAsync(id)).Project.Lots).Price);
    }
}
