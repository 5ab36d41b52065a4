using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Projects.Components;

/// <summary>How the module's screens word stored values.</summary>
public static class ProjectDisplay
{
    /// <summary>A stored role ("CentreClerk", "Admin,CentreClerk", "System") in Chinese.</summary>
    public static string RoleNames(string? role) => role switch
    {
        null or "" => "",
        "System" => "平台",
        _ => string.Join("、", role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Roles.Chinese)),
    };

    /// <summary>The party that owns a project, as each type calls it (GLOSSARY: Tenderer).</summary>
    public static string TendererLabel(TradeType type) => Domain.Projects.TradeMethods.TendererName(type);

    /// <summary>The warning beside a state asset listed below the consent threshold; the percentage is the setting in force.</summary>
    public static string BelowAppraisalWarning(Domain.Projects.TradingRules rules) =>
        $"挂牌价低于评估值的{rules.StateAssetConsentBelowPercent:0.##}%，须经转让行为批准单位书面同意（《企业国有资产交易监督管理办法》第十八条）";
}
