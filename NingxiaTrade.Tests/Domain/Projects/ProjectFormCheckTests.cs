using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>The registration form is checked whole: every wrong field is reported at once, each under its own name.</summary>
public class ProjectFormCheckTests
{
    private static readonly TradingRules Rules = new();

    private static ProjectForm Valid() => new("银川市某道路改造工程施工", "640100", 1, TradeType.EngineeringBidding, TradeMethod.OpenTender,
        Guid.NewGuid(), null, 1, Yuan(10_000_000), null, null, null,
        [new LotForm("第一标段", Yuan(6_000_000), Yuan(100_000), null), new LotForm("第二标段", Yuan(4_000_000), Yuan(80_000), null)]);

    [Fact]
    public void Check_ValidForm_NoErrors() => Assert.Empty(TradeProject.Check(Valid(), Rules));

    [Fact]
    public void Check_LotEstimatesAboveProjectEstimate_RefusedOnTheEstimate()
    {
        var form = Valid() with { Estimate = Yuan(9_999_999.99m) };

        var error = Assert.Single(TradeProject.Check(form, Rules));

        Assert.Equal(nameof(ProjectForm.Estimate), error.Field);
        Assert.Equal("各标段估算价合计 10,000,000.00 元 超过项目估算价 9,999,999.99 元，请核对。", error.Message);
    }

    [Fact]
    public void Check_LotEstimatesEqualToProjectEstimate_Accepted() =>
        Assert.Empty(TradeProject.Check(Valid() with { Estimate = Yuan(10_000_000) }, Rules));

    [Fact]
    public void Check_SeveralWrongFields_ReportsEveryOneUnderItsPath()
    {
        var form = Valid() with
        {
            Name = "路",
            TendererEntityId = Guid.Empty,
            Lots = [new LotForm("", Yuan(1_000), Yuan(0), null), new LotForm("第二标段", Money.Zero, Yuan(10), null)],
        };

        var errors = TradeProject.Check(form, Rules);

        Assert.Equal(
            ["Name", "TendererEntityId", "Lots[0].Name", "Lots[1].Price", "Lots[1].Deposit"],
            errors.Select(e => e.Field).ToArray());
    }

    [Fact]
    public async Task Register_LotsAboveEstimateAndNoName_RefusedWithBothErrorsAndNothingSaved()
    {
        await using var h = await CreateAsync();
        var form = h.Form(TradeType.EngineeringBidding) with { Name = "", Estimate = Yuan(1_000_000) };

        var ex = await Assert.ThrowsAsync<FormValidationException>(() => h.RegisterAsync(TradeType.EngineeringBidding, form: form));

        Assert.Equal([nameof(ProjectForm.Name), nameof(ProjectForm.Estimate)], ex.Errors.Select(e => e.Field).ToArray());
        h.Act(YinchuanClerk);
        Assert.Equal(0, (await h.Registration().ListAsync(new ProjectQuery())).TotalCount);
    }
}
