using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows;

/// <summary>How the public pages word periods and actors.</summary>
public static class PublicWording
{
    /// <summary>"期间 不少于5日", "提前期 不少于20日", or "—".</summary>
    public static string Minimum(WorkflowStep step) =>
        step.MinimumDays is > 0 and var days ? $"{step.PeriodKind.Chinese()} 不少于{Periods.Days(days, step.WorkingDays)}" : "—";

    public static string Actors(WorkflowTransition t)
    {
        var roles = string.Join("、", t.Roles.Select(Roles.Chinese));
        var timer = t.Timer is { } clock ? $"进入环节满{Periods.Days(clock.Days, clock.WorkingDays)}平台提醒办理" : null;
        return (roles.Length > 0, timer) switch
        {
            (true, null) => roles,
            (true, _) => $"{roles}；{timer}",
            (false, null) => "—",
            (false, _) => timer,
        };
    }

    public static string Deadline(WorkflowBody body, DeadlineRule rule) =>
        $"投标（响应）截止时间：自“{body.Step(rule.FromStep)?.Name ?? rule.FromStep}”（文件开始发出）之日起不少于{Periods.Days(rule.Days, rule.WorkingDays)}，截止日可为第{rule.Days}日（提前期）"
        + (rule.LegalBasis is { Length: > 0 } basis ? $"（{basis}）。" : "。");
}
