using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Workbench.Features.Rules.Components;

/// <summary>The submission form's fields, bound by the editor; the entity validates on save.</summary>
public sealed class RuleFormModel
{
    public string Title { get; set; } = "";
    public string? DocumentNumber { get; set; }
    public string IssuingBody { get; set; } = "";
    public RuleLevel Level { get; set; } = RuleLevel.NormativeDocument;
    public IReadOnlyCollection<TradeType> TradeTypes { get; set; } = [];
    public DateTime? IssuedOn { get; set; }
    public DateTime? EffectiveOn { get; set; }
    public DateTime? ExpiresOn { get; set; }
    public bool IsTemporary { get; set; }
    public string? FullText { get; set; }
    public RuleProposal Proposal { get; set; } = RuleProposal.Keep;
    public IReadOnlyCollection<RuleProblem> Problems { get; set; } = [];
    public string? Explanation { get; set; }
    public string? AnswerToReturn { get; set; }

    /// <summary>Whether the saved 全文 is what was typed (the rule keeps it trimmed, blank as none).</summary>
    public static bool SameText(string? saved, string? typed) =>
        string.Equals(string.IsNullOrWhiteSpace(saved) ? null : saved, string.IsNullOrWhiteSpace(typed) ? null : typed.Trim(), StringComparison.Ordinal);

    public static RuleFormModel From(Rule rule) => new()
    {
        Title = rule.Title,
        DocumentNumber = rule.DocumentNumber,
        IssuingBody = rule.IssuingBody,
        Level = rule.Level,
        TradeTypes = rule.TradeTypes.ToList(),
        IssuedOn = rule.IssuedOn?.ToDateTime(TimeOnly.MinValue),
        EffectiveOn = rule.EffectiveOn?.ToDateTime(TimeOnly.MinValue),
        ExpiresOn = rule.ExpiresOn?.ToDateTime(TimeOnly.MinValue),
        IsTemporary = rule.IsTemporary,
        FullText = rule.FullText,
        Proposal = rule.LatestReview?.Proposal ?? RuleProposal.Keep,
        Problems = RuleNames.Problems.Where(p => rule.LatestReview?.Problems.HasFlag(p) == true).ToList(),
        Explanation = rule.LatestReview?.Explanation,
    };

    public RuleForm ToForm(string? attachmentPath) => new(Title, DocumentNumber, IssuingBody, Level, TradeTypes.ToList(),
        Date(IssuedOn), Date(EffectiveOn), Date(ExpiresOn), IsTemporary, FullText, attachmentPath);

    public RuleSubmission ToSubmission() =>
        new(Proposal, Problems.Aggregate(RuleProblem.None, (all, p) => all | p), Explanation, AnswerToReturn);

    private static DateOnly? Date(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
