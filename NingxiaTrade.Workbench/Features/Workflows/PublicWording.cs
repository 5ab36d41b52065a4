using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows;

/// <summary>How the public pages word periods and actors.</summary>
public static class PublicWording
{
    /// <summary>"不少于20日", "不少于5个工作日", or "—".</summary>
    public static string Minimum(WorkflowStep step) =>
        step.MinimumDays is > 0 and var days ? $"不少于{days}{(step.WorkingDays ? "个工作日" : "日")}" : "—";

    public static string Actors(WorkflowTransition t)
    {
        var roles = string.Join("、", t.Roles.Select(Roles.Chinese));
        var timer = t.Timer is { } clock ? $"进入环节满{clock.Days}{(clock.WorkingDays ? "个工作日" : "日")}由平台自动办理" : null;
        return (roles.Length > 0, timer) switch
        {
            (true, null) => roles,
            (true, _) => $"{roles}；{timer}",
            (false, null) => "—",
            (false, _) => timer,
        };
    }

    public static string Deadline(WorkflowBody body, DeadlineRule rule) =>
        $"投标（响应）截止时间：自“{body.Step(rule.FromStep)?.Name ?? rule.FromStep}”之日起不少于{rule.Days}{(rule.WorkingDays ? "个工作日" : "日")}"
        + (rule.LegalBasis is { Length: > 0 } basis ? $"（{basis}）。" : "。");
}
