using System.Text.RegularExpressions;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// Lowering a statutory figure is a legal act: compared with the platform's default flow for the same type and method
/// (whose figures are the law's), what a version lowers or drops — a shorter period, a calendar-day period that was in
/// working days, a shorter bid-deadline lead time, a guard carrying a legal basis that is gone or weaker. Such a version
/// is published only with a LegalOfficer's written opinion.
/// </summary>
public static partial class StatutoryFigures
{
    public static IReadOnlyList<string> Lowerings(WorkflowBody body, TradeType type, TradeMethod method)
    {
        var statutory = DefaultWorkflows.All.FirstOrDefault(d => d.Type == type && d.Method == method).Body;
        return statutory is null ? [] : Lowerings(body, statutory);
    }

    public static IReadOnlyList<string> Lowerings(WorkflowBody body, WorkflowBody statutory)
    {
        var list = new List<string>();
        foreach (var law in statutory.Steps.Where(s => s.MinimumDays is > 0 && !string.IsNullOrWhiteSpace(s.LegalBasis)))
        {
            var step = body.Step(law.Key);
            var lawful = Periods.Days(law.MinimumDays!.Value, law.WorkingDays);
            if (step is null)
            {
                list.Add($"删除了有法定期限的环节“{law.Name}”（{lawful}，{law.LegalBasis}）");
            }
            else if ((step.MinimumDays ?? 0) < law.MinimumDays || (law.WorkingDays && !step.WorkingDays && step.MinimumDays == law.MinimumDays))
            {
                list.Add($"“{step.Name}”的期限由法定的{lawful}调低为{(step.MinimumDays is > 0 and var d ? Periods.Days(d, step.WorkingDays) : "无期限")}（{law.LegalBasis}）");
            }
            else if (step.PeriodKind == PeriodKind.LeadTime && law.PeriodKind == PeriodKind.Duration)
            {
                list.Add($"“{step.Name}”的期限由“期间”改为“提前期”，实际少计一日（{law.LegalBasis}）");
            }
        }
        if (statutory.BidDeadline is { } rule)
        {
            var lawful = Periods.Days(rule.Days, rule.WorkingDays);
            if (body.BidDeadline is not { } mine)
            {
                list.Add($"删除了投标截止时间的法定最短期限（{lawful}，{rule.LegalBasis}）");
            }
            else if (mine.Days < rule.Days || (rule.WorkingDays && !mine.WorkingDays && mine.Days == rule.Days))
            {
                list.Add($"投标截止时间的最短期限由法定的{lawful}调低为{Periods.Days(mine.Days, mine.WorkingDays)}（{rule.LegalBasis}）");
            }
        }
        foreach (var t in statutory.Transitions)
        {
            foreach (var guard in t.Guards.Where(g => g.Parameters.GetValueOrDefault("basis") is { Length: > 0 }))
            {
                var mine = body.Transitions.FirstOrDefault(x => x.From == t.From && x.Trigger == t.Trigger);
                var kept = mine?.Guards.FirstOrDefault(g => g.Name == guard.Name && g.Parameters.GetValueOrDefault("fact") == guard.Parameters.GetValueOrDefault("fact"));
                if (kept is null)
                {
                    list.Add($"“{t.Name}”删除了有法律依据的条件：{WorkflowGuards.Describe(statutory, guard)}（{guard.Parameters["basis"]}）");
                }
                else if (guard.Name == "FactAtLeast" && Number(kept, "min") < Number(guard, "min"))
                {
                    list.Add($"“{t.Name}”的条件“{guard.Parameters.GetValueOrDefault("label")}不少于{guard.Parameters["min"]}个”被调低为{kept.Parameters.GetValueOrDefault("min")}个（{guard.Parameters["basis"]}）");
                }
            }
        }
        list.AddRange(WorkflowDutyRules.Lowerings(body, statutory));
        return list;
    }

    /// <summary>
    /// The period a basis text states must be the step's: "5个工作日" beside a 7-day minimum misleads whoever reads it.
    /// Null when they agree or the text states no period.
    /// </summary>
    public static string? BasisMismatch(WorkflowStep step)
    {
        if (step.MinimumDays is not > 0 || string.IsNullOrWhiteSpace(step.LegalBasis))
        {
            return null;
        }
        var stated = PeriodInText().Matches(step.LegalBasis).Select(m => (Days: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Working: m.Groups[2].Value == "个工作日")).ToList();
        if (stated.Count == 0 || stated.Any(s => s.Days == step.MinimumDays && s.Working == step.WorkingDays))
        {
            return null;
        }
        return $"环节“{step.Name}”的法律依据写明{Periods.Days(stated[0].Days, stated[0].Working)}，与最短期限{Periods.Days(step.MinimumDays.Value, step.WorkingDays)}不一致";
    }

    private static long Number(GuardUse use, string name) =>
        long.TryParse(use.Parameters.GetValueOrDefault(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"(\d+)(个工作日|日)")]
    private static partial Regex PeriodInText();
}
