using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects.Components;

/// <summary>
/// What the registration form edits. Amounts are typed in yuan. <see cref="Validate"/> reports every wrong field at
/// once: what only the form can know (a field left empty, an amount with more than two decimals) and, on the values
/// that are there, the domain's own rules (<see cref="TradeProject.Check"/>). The service checks again on save.
/// </summary>
public sealed class ProjectFormModel
{
    public string? Name { get; set; }
    public TradeType TradeType { get; set; } = TradeType.EngineeringBidding;
    public TradeMethod? TradeMethod { get; set; } = Domain.Projects.TradeMethod.OpenTender;
    public string? RegionCode { get; set; }
    public int? TradingCentreId { get; set; }
    public int? SupervisingDepartmentId { get; set; }
    /// <summary>The tenderer picked from the market-entity registry (for a tenderer account, its own entity).</summary>
    public MarketEntityRef? Tenderer { get; set; }
    public string? AgentName { get; set; }
    public decimal? Estimate { get; set; }
    public decimal? AppraisedValue { get; set; }
    public string? FundSource { get; set; }
    public string? ApprovalDocumentNumber { get; set; }
    public List<LotModel> Lots { get; set; } = [new()];

    public string LotName => TradeMethods.LotName(TradeType);
    public string PriceName => TradeMethods.PriceName(TradeType);
    public bool HasAppraisedValue => TradeType == TradeType.StateAssetTransfer;

    public static ProjectFormModel From(TradeProject p) => new()
    {
        Name = p.Name,
        TradeType = p.TradeType,
        TradeMethod = p.TradeMethod,
        RegionCode = p.RegionCode,
        TradingCentreId = p.TradingCentreId,
        SupervisingDepartmentId = p.SupervisingDepartmentId,
        Tenderer = p.TendererEntityId is { } tenderer ? new MarketEntityRef(tenderer, "", p.TendererName) : null,
        AgentName = p.AgentName,
        Estimate = p.Estimate.Yuan,
        AppraisedValue = p.AppraisedValue?.Yuan,
        FundSource = p.FundSource,
        ApprovalDocumentNumber = p.ApprovalDocumentNumber,
        Lots = p.Lots.OrderBy(l => l.Number)
            .Select(l => new LotModel { Name = l.Name, Price = l.Price.Yuan, Deposit = l.Deposit.Yuan, Classification = l.Classification })
            .ToList(),
    };

    /// <summary>Domain field names that the model holds under another name.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        [nameof(ProjectForm.TendererEntityId)] = nameof(Tenderer),
    };

    /// <summary>Every error of the form as it stands, by field path; empty when it may be sent.</summary>
    public IReadOnlyList<FieldError> Validate(TradingRules rules)
    {
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(nameof(Name), "请填写项目名称。");
        }
        if (TradeMethod is null)
        {
            errors.Add(nameof(TradeMethod), "请选择交易方式。");
        }
        if (string.IsNullOrEmpty(RegionCode))
        {
            errors.Add(nameof(RegionCode), "请选择行政区划。");
        }
        if (TradingCentreId is null)
        {
            errors.Add(nameof(TradingCentreId), "请选择交易中心。");
        }
        if (SupervisingDepartmentId is null)
        {
            errors.Add(nameof(SupervisingDepartmentId), "请选择行政监督部门。");
        }
        if (Tenderer is null)
        {
            errors.Add(nameof(Tenderer), $"请从市场主体库中选择{TradeMethods.TendererName(TradeType)}。");
        }
        var estimate = Yuan(errors, nameof(Estimate), Estimate, "", $"项目{PriceName}");
        var appraised = HasAppraisedValue ? Yuan(errors, nameof(AppraisedValue), AppraisedValue, "", "评估值") : null;
        var lots = Lots.Select((l, i) =>
        {
            var label = $"第{i + 1}{LotName}";
            if (string.IsNullOrWhiteSpace(l.Name))
            {
                errors.Add($"Lots[{i}].{nameof(LotModel.Name)}", $"{label}：请填写名称。");
            }
            var price = Yuan(errors, $"Lots[{i}].{nameof(LotModel.Price)}", l.Price, $"{label}：", PriceName);
            var deposit = Yuan(errors, $"Lots[{i}].{nameof(LotModel.Deposit)}", l.Deposit ?? 0m, $"{label}：", "保证金");
            return new LotForm(l.Name ?? "", price ?? Money.Zero, deposit ?? Money.Zero, l.Classification);
        }).ToList();
        // The domain's rules on what is there; a field already marked keeps its first message.
        var form = Build(estimate ?? Money.Zero, appraised, lots);
        var marked = errors.All.Select(e => e.Field).ToHashSet();
        foreach (var error in TradeProject.Check(form, rules))
        {
            var field = Aliases.GetValueOrDefault(error.Field, error.Field);
            if (!marked.Contains(field) && !(field == nameof(Estimate) && estimate is null))
            {
                errors.Add(field, error.Message);
            }
        }
        return errors.All;
    }

    /// <summary>The form for the service; call after <see cref="Validate"/> found nothing.</summary>
    public ProjectForm ToForm() => Build(
        Money.FromYuan(Estimate ?? 0m),
        HasAppraisedValue && AppraisedValue is { } appraised ? Money.FromYuan(appraised) : null,
        Lots.Select(l => new LotForm(l.Name ?? "", Money.FromYuan(l.Price ?? 0m), Money.FromYuan(l.Deposit ?? 0m), l.Classification)).ToList());

    private ProjectForm Build(Money estimate, Money? appraised, IReadOnlyList<LotForm> lots) => new(
        Name ?? "",
        RegionCode ?? "",
        TradingCentreId ?? 0,
        TradeType,
        TradeMethod ?? default,
        Tenderer?.Id ?? Guid.Empty,
        AgentName,
        SupervisingDepartmentId ?? 0,
        estimate,
        appraised,
        FundSource,
        ApprovalDocumentNumber,
        lots);

    private static Money? Yuan(FormErrors errors, string field, decimal? yuan, string prefix, string label)
    {
        if (yuan is not { } value)
        {
            errors.Add(field, $"{prefix}请填写{label}。");
            return null;
        }
        try
        {
            return Money.FromYuan(value);
        }
        catch (DomainException ex)
        {
            errors.Add(field, $"{prefix}{label}{ex.Message}");
            return null;
        }
    }
}

/// <summary>One row of the lots editor.</summary>
public sealed class LotModel
{
    public string? Name { get; set; }
    public decimal? Price { get; set; }
    public decimal? Deposit { get; set; }
    public string? Classification { get; set; }
}
