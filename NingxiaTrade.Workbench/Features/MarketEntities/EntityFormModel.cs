using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Workbench.Features.MarketEntities;

/// <summary>The registration form's editable state; <see cref="ToDetails"/> hands it to the domain, which checks it.</summary>
public sealed class EntityFormModel
{
    public string CreditCode { get; set; } = "";
    public int? RegistrationCentreId { get; set; }
    public string Name { get; set; } = "";
    public MarketEntityKind Kind { get; set; } = MarketEntityKind.Enterprise;
    public string LegalRepresentativeName { get; set; } = "";
    public string LegalRepresentativeIdNumber { get; set; } = "";
    public string RegisteredAddress { get; set; } = "";
    public string RegionCode { get; set; } = "640100";
    public string? BusinessScope { get; set; }
    public List<ContactRow> Contacts { get; set; } = [new() { Kind = ContactKind.Phone }];
    public List<BankRow> BankAccounts { get; set; } = [];
    public List<QualificationRow> Qualifications { get; set; } = [];
    public List<StaffRow> KeyStaff { get; set; } = [];

    public sealed class ContactRow
    {
        public ContactKind Kind { get; set; }
        public string? Name { get; set; }
        public string Value { get; set; } = "";
    }

    public sealed class BankRow
    {
        public string BankName { get; set; } = "";
        public string AccountName { get; set; } = "";
        public string AccountNumber { get; set; } = "";
    }

    public sealed class QualificationRow
    {
        public string Type { get; set; } = "";
        public string? Grade { get; set; }
        public string Number { get; set; } = "";
        public string Issuer { get; set; } = "";
        public DateTime? ExpiresOn { get; set; }
    }

    public sealed class StaffRow
    {
        public string Name { get; set; } = "";
        public string IdNumber { get; set; } = "";
        public string? Certificates { get; set; }
    }

    public MarketEntityDetails ToDetails() => new()
    {
        Name = Name,
        Kind = Kind,
        LegalRepresentativeName = LegalRepresentativeName,
        LegalRepresentativeIdNumber = LegalRepresentativeIdNumber,
        RegisteredAddress = RegisteredAddress,
        RegionCode = RegionCode,
        BusinessScope = BusinessScope,
        Contacts = Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => new ContactForm(c.Kind, c.Name, c.Value)).ToList(),
        BankAccounts = BankAccounts.Select(b => new BankAccountForm(b.BankName, b.AccountName, b.AccountNumber)).ToList(),
        Qualifications = Qualifications.Select(q => new QualificationForm(q.Type, q.Grade, q.Number, q.Issuer,
            q.ExpiresOn is { } d ? DateOnly.FromDateTime(d) : null)).ToList(),
        KeyStaff = KeyStaff.Select(s => new KeyStaffForm(s.Name, s.IdNumber, s.Certificates)).ToList(),
    };

    public static EntityFormModel From(MarketEntity e) => new()
    {
        CreditCode = e.Code.Value,
        RegistrationCentreId = e.RegistrationCentreId,
        Name = e.Name,
        Kind = e.Kind,
        LegalRepresentativeName = e.LegalRepresentativeName,
        LegalRepresentativeIdNumber = e.LegalRepresentativeIdNumber.Value,
        RegisteredAddress = e.RegisteredAddress,
        RegionCode = e.RegionCode,
        BusinessScope = e.BusinessScope,
        Contacts = e.Contacts.Select(c => new ContactRow { Kind = c.Kind, Name = c.Name, Value = c.Value }).ToList(),
        BankAccounts = e.BankAccounts.Select(b => new BankRow { BankName = b.BankName, AccountName = b.AccountName, AccountNumber = b.AccountNumber }).ToList(),
        Qualifications = e.Qualifications.Select(q => new QualificationRow
        {
            Type = q.Type, Grade = q.Grade, Number = q.Number, Issuer = q.Issuer, ExpiresOn = q.ExpiresOn?.ToDateTime(TimeOnly.MinValue),
        }).ToList(),
        KeyStaff = e.KeyStaff.Select(s => new StaffRow { Name = s.Name, IdNumber = s.IdNumber.Value, Certificates = s.Certificates }).ToList(),
    };

    /// <summary>Field checks for the form; the domain checks again on save.</summary>
    public static string? CheckCreditCode(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写统一社会信用代码" : Domain.Common.CreditCode.Validate(text);

    public static string? CheckIdNumber(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写身份证号码" : IdNumber.Validate(text);
}
