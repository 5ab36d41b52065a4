using NingxiaTrade.Domain.Accounts;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>Structural checks of a workflow body; every fault is described in Chinese.</summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<string> Validate(WorkflowBody body)
    {
        var faults = new List<string>();
        var keys = new HashSet<string>();
        foreach (var step in body.Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Key) || string.IsNullOrWhiteSpace(step.Name))
            {
                faults.Add("存在缺少标识或名称的环节");
            }
            else if (!keys.Add(step.Key))
            {
                faults.Add($"环节标识“{step.Key}”重复");
            }
            if (step.MinimumDays is < 0 or > 365)
            {
                faults.Add($"环节“{step.Name}”的最短期限应在0至365日之间");
            }
            if (StatutoryFigures.BasisMismatch(step) is { } mismatch)
            {
                faults.Add(mismatch);
            }
        }
        if (body.Steps.Count == 0)
        {
            faults.Add("流程没有任何环节");
            return faults;
        }
        if (body.Step(body.InitialStep) is null)
        {
            faults.Add("未指定起始环节，或起始环节不存在");
        }
        // Duplicate keys are reported above; the first of them names the step.
        var names = body.Steps.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First().Name);
        string Name(string key) => names.GetValueOrDefault(key, key);
        foreach (var t in body.Transitions)
        {
            var label = string.IsNullOrWhiteSpace(t.Name) ? t.Trigger : t.Name;
            if (string.IsNullOrWhiteSpace(t.Trigger) || string.IsNullOrWhiteSpace(t.Name))
            {
                faults.Add("存在缺少触发标识或名称的流转");
            }
            if (!keys.Contains(t.From))
            {
                faults.Add($"流转“{label}”的起点环节“{t.From}”不存在");
            }
            if (!keys.Contains(t.To))
            {
                faults.Add($"流转“{label}”指向不存在的环节“{t.To}”");
            }
            if (t.From == t.To)
            {
                faults.Add($"流转“{label}”的起点和终点是同一环节");
            }
            if (body.Step(t.From)?.IsFinal == true)
            {
                faults.Add($"终结环节“{Name(t.From)}”不能再有流转“{label}”");
            }
            if (t.Roles.Count == 0 && t.Timer is null)
            {
                faults.Add($"流转“{label}”既没有可操作的角色，也没有定时器");
            }
            foreach (var role in t.Roles.Where(r => !Roles.All.Contains(r)))
            {
                faults.Add($"流转“{label}”的角色“{role}”不存在");
            }
            foreach (var guard in t.Guards)
            {
                var problem = WorkflowGuards.CheckParameters(guard);
                if (problem is not null)
                {
                    faults.Add($"流转“{label}”的条件：{problem}");
                }
                else if (guard.Parameters.TryGetValue("step", out var from) && !keys.Contains(from))
                {
                    faults.Add($"流转“{label}”的条件：起算环节“{from}”不存在");
                }
            }
            if (t.Timer is { Days: < 0 or > 365 })
            {
                faults.Add($"流转“{label}”的定时应在0至365日之间");
            }
        }
        if (body.BidDeadline is { } deadline && !keys.Contains(deadline.FromStep))
        {
            faults.Add($"投标截止时间的起算环节“{deadline.FromStep}”不存在");
        }
        if (body.LotsFromStep is { } split)
        {
            if (!keys.Contains(split))
            {
                faults.Add($"各标段分别办理的起始环节“{split}”不存在");
            }
            else if (split == body.InitialStep || body.Step(split)!.IsFinal)
            {
                faults.Add($"各标段分别办理的起始环节“{Name(split)}”不能是首个环节或结束环节");
            }
        }
        faults.AddRange(WorkflowDutyRules.Faults(body));
        foreach (var group in body.Transitions.GroupBy(t => (t.From, t.Trigger)).Where(g => g.Count() > 1))
        {
            faults.Add($"环节“{Name(group.Key.From)}”有多个同名触发“{group.Key.Trigger}”");
        }
        foreach (var step in body.Steps.Where(s => !s.IsFinal && keys.Contains(s.Key)))
        {
            if (!body.Transitions.Any(t => t.From == step.Key && keys.Contains(t.To)))
            {
                faults.Add($"环节“{step.Name}”不是终结环节，却没有出口");
            }
        }
        if (body.Step(body.InitialStep) is not null)
        {
            var reached = new HashSet<string> { body.InitialStep };
            var queue = new Queue<string>([body.InitialStep]);
            while (queue.TryDequeue(out var current))
            {
                foreach (var t in body.Transitions.Where(t => t.From == current && keys.Contains(t.To)))
                {
                    if (reached.Add(t.To))
                    {
                        queue.Enqueue(t.To);
                    }
                }
            }
            foreach (var step in body.Steps.Where(s => !reached.Contains(s.Key)))
            {
                faults.Add($"环节“{step.Name}”从起始环节无法到达");
            }
            if (!body.Steps.Any(s => s.IsFinal && reached.Contains(s.Key)))
            {
                faults.Add("流程没有可到达的终结环节");
            }
        }
        return faults.Distinct().ToList();
    }
}
