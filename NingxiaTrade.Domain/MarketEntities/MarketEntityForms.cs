using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>The registration form as the entity fills it in.</summary>
public sealed record MarketEntityDetails
{
    public string Name { get; init; } = "";
    public MarketEntityKind Kind { get; init; } = MarketEntityKind.Enterprise;
    public string LegalRepresentativeName { get; init; } = "";
    public string LegalRepresentativeIdNumber { get; init; } = "";
    public string RegisteredAddress { get; init; } = "";
    public string RegionCode { get; init; } = Regions.Ningxia;
    public string? BusinessScope { get; init; }
    public IReadOnlyList<ContactForm> Contacts { get; init; } = [];
    public IReadOnlyList<BankAccountForm> BankAccounts { get; init; } = [];
    public IReadOnlyList<QualificationForm> Qualifications { get; init; } = [];
    public IReadOnlyList<KeyStaffForm> KeyStaff { get; init; } = [];

    public static MarketEntityDetails Of(MarketEntity e) => new()
    {
        Name = e.Name,
        Kind = e.Kind,
        LegalRepresentativeName = e.LegalRepresentativeName,
        LegalRepresentativeIdNumber = e.LegalRepresentativeIdNumber.Value,
        RegisteredAddress = e.RegisteredAddress,
        RegionCode = e.RegionCode,
        BusinessScope = e.BusinessScope,
        Contacts = e.Contacts.Select(c => new ContactForm(c.Kind, c.Name, c.Value)).ToList(),
        BankAccounts = e.BankAccounts.Select(a => new BankAccountForm(a.BankName, a.AccountName, a.AccountNumber, a.IsBasic)).ToList(),
        Qualifications = e.Qualifications.Select(q => new QualificationForm(q.Type, q.Grade, q.Number, q.Issuer, q.ExpiresOn)).ToList(),
        KeyStaff = e.KeyStaff.Select(s => new KeyStaffForm(s.Name, s.IdNumber.Value, s.Certificates)).ToList(),
    };
}

public sealed record ContactForm(ContactKind Kind, string? Name, string Value);

/// <summary>A bank account of the entity; <paramref name="IsBasic"/>: its 基本存款账户.</summary>
public sealed record BankAccountForm(string BankName, string AccountName, string AccountNumber, bool IsBasic = false);

public sealed record QualificationForm(string Type, string? Grade, string Number, string Issuer, DateOnly? ExpiresOn);

public sealed record KeyStaffForm(string Name, string IdNumber, string? Certificates);

/// <summary>What a self-registration starts from: the credit code and the centre the entity registers at.</summary>
public sealed record RegistrationStart(string CreditCode, int RegistrationCentreId, MarketEntityDetails Details);

/// <summary>A row of the registry list.</summary>
public sealed record MarketEntityRow(
    Guid Id, string CreditCode, string Name, MarketEntityKind Kind, string RegionCode, string LegalRepresentativeName,
    MarketEntityStatus Status, string RegistrationCentre, DateTime? SubmittedUtc, DateTime? ApprovedUtc);

public sealed record MarketEntityQuery(
    string? Text = null, MarketEntityStatus? Status = null, string? RegionCode = null, MarketEntityKind? Kind = null,
    int Page = 0, int PageSize = 20);
