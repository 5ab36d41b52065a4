using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Rules;

/// <summary>合法性审核 decision.</summary>
public enum LegalityDecision
{
    Pass = 1,
    PassWithChanges = 2,
    Return = 3,
}

public static class LegalityDecisionNames
{
    public static string Chinese(this LegalityDecision decision) => decision switch
    {
        LegalityDecision.Pass => "通过",
        LegalityDecision.PassWithChanges => "修改后通过",
        LegalityDecision.Return => "退回",
    };
}

/// <summary>
/// One round of the clean-up (规则清理): the department's proposal and the problems it found, and — once the
/// legal office has decided — its <see cref="LegalityReview"/>. A rule keeps every round: that is its history.
/// </summary>
public class RuleReview
{
    private RuleReview() { }

    internal RuleReview(Guid ruleId, int round, RuleProposal proposal, RuleProblem problems, string? explanation, string? answerToReturn,
        string? userId, string? userName, DateTime nowUtc)
    {
        if (!Enum.IsDefined(proposal))
        {
            throw new DomainException("请选择清理意见（保留、修改、废止或宣布失效）。");
        }
        if (explanation?.Length > 2000 || answerToReturn?.Length > 2000)
        {
            throw new DomainException("清理说明和答复均不能超过2000字。");
        }
        Id = Guid.NewGuid();
        RuleId = ruleId;
        Round = round;
        Proposal = proposal;
        Problems = problems;
        Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim();
        AnswerToReturn = string.IsNullOrWhiteSpace(answerToReturn) ? null : answerToReturn.Trim();
        SubmittedByUserId = userId;
        SubmittedByName = userName ?? "";
        SubmittedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid RuleId { get; private set; }
    /// <summary>1 for the first submission, 2 after the first return, …</summary>
    public int Round { get; private set; }
    public RuleProposal Proposal { get; private set; }
    public RuleProblem Problems { get; private set; }
    /// <summary>清理说明.</summary>
    public string? Explanation { get; private set; }
    /// <summary>The department's answer to the previous round's return.</summary>
    public string? AnswerToReturn { get; private set; }
    public string? SubmittedByUserId { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public DateTime SubmittedUtc { get; private set; }
    public LegalityReview? Legality { get; private set; }

    internal LegalityReview Decide(LegalityDecision decision, string? opinion, string? reasons, string? userId, string? userName, DateTime nowUtc)
    {
        if (Legality is not null)
        {
            throw new DomainException("该报送已审核，不能重复审核。");
        }
        Legality = new LegalityReview(Id, decision, opinion, reasons, userId, userName, nowUtc);
        return Legality;
    }
}

/// <summary>合法性审核: the legal office's opinion and decision on one round of the clean-up.</summary>
public class LegalityReview
{
    private LegalityReview() { }

    internal LegalityReview(Guid ruleReviewId, LegalityDecision decision, string? opinion, string? reasons, string? userId, string? userName, DateTime nowUtc)
    {
        if (!Enum.IsDefined(decision))
        {
            throw new DomainException("请选择审核结论。");
        }
        opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim();
        reasons = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        if (opinion is null)
        {
            throw new DomainException("请填写审核意见。");
        }
        if (decision is (LegalityDecision.Return or LegalityDecision.PassWithChanges) && reasons is null)
        {
            throw new DomainException(decision == LegalityDecision.Return
                ? "退回时请写明退回理由，以便报送单位修改后重新报送。"
                : "修改后通过时请写明需要修改的内容及理由。");
        }
        if (opinion.Length > 2000 || reasons?.Length > 2000)
        {
            throw new DomainException("审核意见和理由均不能超过2000字。");
        }
        Id = Guid.NewGuid();
        RuleReviewId = ruleReviewId;
        Decision = decision;
        Opinion = opinion;
        Reasons = reasons;
        ReviewerUserId = userId;
        ReviewerName = userName ?? "";
        DecidedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid RuleReviewId { get; private set; }
    public LegalityDecision Decision { get; private set; }
    public string Opinion { get; private set; } = "";
    public string? Reasons { get; private set; }
    public string? ReviewerUserId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    public DateTime DecidedUtc { get; private set; }
}
