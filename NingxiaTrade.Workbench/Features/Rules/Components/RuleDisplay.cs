using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Rules.Components;

/// <summary>Short forms for the rule screens.</summary>
public static class RuleDisplay
{
    /// <summary>The trade types joined with 、, or 全部交易类型 when a rule covers all five.</summary>
    public static string Types(IReadOnlyCollection<TradeType> types) =>
        types.Count == TradeTypeNames.All.Count ? "全部交易类型" : string.Join("、", types.Select(t => t.Chinese()));
}
