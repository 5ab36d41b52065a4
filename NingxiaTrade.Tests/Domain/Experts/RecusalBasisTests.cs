using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>Issue 10 item 8: the basis users read beside each recusal rule names the law that says it, or 本平台规则.</summary>
public class RecusalBasisTests
{
    [Fact]
    public void Basis_TendererOrAgentStaffInProcurement_CitesOrder87And74()
    {
        var basis = RecusalSettings.Basis(RecusalRule.EmployerIsTendererOrAgent, TradeType.GovernmentProcurement);
        Assert.Contains("财政部令第87号）第四十七条第三款", basis);
        Assert.Contains("财政部令第74号）第七条", basis);
        Assert.DoesNotContain("第十二条", basis);
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding)]
    [InlineData(TradeType.LandAndMiningRights)]
    public void Basis_TendererOrAgentStaffOutsideProcurement_IsPlatformRule(TradeType type)
    {
        var basis = RecusalSettings.Basis(RecusalRule.EmployerIsTendererOrAgent, type);
        Assert.StartsWith("本平台规则", basis);
        Assert.DoesNotContain("第十二条", basis);
        Assert.DoesNotContain("87号", basis);
    }

    [Theory]
    [InlineData(RecusalRule.FrequentForTenderer, TradeType.EngineeringBidding)]
    [InlineData(RecusalRule.FrequentForTenderer, TradeType.GovernmentProcurement)]
    [InlineData(RecusalRule.SameCity, TradeType.EngineeringBidding)]
    [InlineData(RecusalRule.SameCity, TradeType.GovernmentProcurement)]
    public void Basis_FrequencyAndSameCity_ArePlatformRulesNotTheImplementationPlan(RecusalRule rule, TradeType type)
    {
        var basis = RecusalSettings.Basis(rule, type);
        Assert.StartsWith("本平台规则", basis);
        Assert.DoesNotContain("实施方案", basis);
    }

    [Fact]
    public void Basis_NewRules_CiteTheirArticles()
    {
        Assert.Contains("《招标投标法实施条例》第四十六条第四款", RecusalSettings.Basis(RecusalRule.EmployerIsSupervisingDepartment, TradeType.EngineeringBidding));
        Assert.Contains("《政府采购法实施条例》第九条", RecusalSettings.Basis(RecusalRule.FormerEmployerIsBidder, TradeType.GovernmentProcurement));
    }

    [Fact]
    public void Basis_EveryRuleAndType_HasText()
    {
        foreach (var rule in Enum.GetValues<RecusalRule>())
        {
            foreach (var type in TradeTypeNames.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(RecusalSettings.Basis(rule, type)));
            }
        }
    }

    [Fact]
    public void IsOn_FormerEmployerRule_OnlyForProcurement()
    {
        Assert.True(RecusalSettings.AllOn.IsOn(RecusalRule.FormerEmployerIsBidder, remote: false, TradeType.GovernmentProcurement));
        Assert.False(RecusalSettings.AllOn.IsOn(RecusalRule.FormerEmployerIsBidder, remote: false, TradeType.EngineeringBidding));
    }
}
