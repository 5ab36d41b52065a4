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
        public bool IsBasic { get; set; }
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
        BankAccounts = BankAccounts.Select(b => new BankAccountForm(b.BankName, b.AccountName, b.AccountNumber, b.IsBasic)).ToList(),
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
        BankAccounts = e.BankAccounts.Select(b => new BankRow { BankName = b.BankName, AccountName = b.AccountName, AccountNumber = b.AccountNumber, IsBasic = b.IsBasic }).ToList(),
        Qualifications = e.Qualifications.Select(q => new QualificationRow
        {
            Type = q.Type, Grade = q.Grade, Number = q.Number, Issuer = q.Issuer, ExpiresOn = q.ExpiresOn?.ToDateTime(TimeOnly.MinValue),
        }).ToList(),
        KeyStaff = e.KeyStaff.Select(s => new StaffRow { Name = s.Name, IdNumber = s.IdNumber.Value, Certificates = s.Certificates }).ToList(),
    };

    /// <summary>
    /// Every wrong field of the form at once, named by its path in this model (<c>Name</c>, <c>BankAccounts[1].AccountNumber</c>),
    /// with the domain's rules and messages; the domain checks again on save. The credit code and centre are checked only
    /// for a new registration (<paramref name="isNew"/>), the only time they can be entered.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(bool isNew)
    {
        var errors = new FormErrors();
        if (isNew && CheckCreditCode(CreditCode) is { } codeError)
        {
            errors.Add(nameof(CreditCode), codeError);
        }
        if (isNew && RegistrationCentreId is null)
        {
            errors.Add(nameof(RegistrationCentreId), "请选择登记的交易中心。");
        }
        Length(errors, nameof(Name), Name, 2, 200, "请填写名称。", "名称应为2至200个字符。");
        Length(errors, nameof(LegalRepresentativeName), LegalRepresentativeName, 2, 50, "请填写法定代表人。", "法定代表人姓名应为2至50个字符。");
        if (CheckIdNumber(LegalRepresentativeIdNumber) is { } idError)
        {
            errors.Add(nameof(LegalRepresentativeIdNumber), "法定代表人" + idError);
        }
        if (!Regions.IsKnown(RegionCode ?? ""))
        {
            errors.Add(nameof(RegionCode), "请选择所在地区（宁夏回族自治区或五个地级市之一）。");
        }
        Length(errors, nameof(RegisteredAddress), RegisteredAddress, 4, 200, "请填写注册地址。", "注册地址应为4至200个字符。");
        if (!Contacts.Any(c => c.Kind == ContactKind.Phone && !string.IsNullOrWhiteSpace(c.Value)))
        {
            // Marked on the first phone row when there is one, so the clerk sees where to type it.
            var phone = Contacts.FindIndex(c => c.Kind == ContactKind.Phone);
            errors.Add(phone < 0 ? nameof(Contacts) : $"{nameof(Contacts)}[{phone}].{nameof(ContactRow.Value)}", "至少填写一个联系电话。");
        }
        for (var i = 0; i < Contacts.Count; i++)
        {
            var contact = Contacts[i];
            if (!string.IsNullOrWhiteSpace(contact.Value))
            {
                Row(errors, $"{nameof(Contacts)}[{i}].{nameof(ContactRow.Value)}", () => _ = new EntityContact(contact.Kind, contact.Name, contact.Value));
            }
        }
        for (var i = 0; i < BankAccounts.Count; i++)
        {
            var account = BankAccounts[i];
            var path = $"{nameof(BankAccounts)}[{i}].";
            var label = $"第{i + 1}个银行账户：";
            Length(errors, path + nameof(BankRow.BankName), account.BankName, 2, 100, label + "请填写开户银行。", label + "开户银行至少2个字符。");
            Length(errors, path + nameof(BankRow.AccountName), account.AccountName, 2, 200, label + "请填写账户名称。", label + "账户名称至少2个字符。");
            var number = (account.AccountNumber ?? "").Replace(" ", "", StringComparison.Ordinal);
            if (number.Length is < 8 or > 32 || !number.All(char.IsAsciiDigit))
            {
                errors.Add(path + nameof(BankRow.AccountNumber), $"{label}银行账号应为8至32位数字。");
            }
        }
        if (BankAccounts.Count(b => b.IsBasic) > 1)
        {
            errors.Add($"{nameof(BankAccounts)}[{BankAccounts.FindLastIndex(b => b.IsBasic)}].{nameof(BankRow.IsBasic)}", "只能登记一个基本存款账户。");
        }
        for (var i = 0; i < Qualifications.Count; i++)
        {
            var q = Qualifications[i];
            var path = $"{nameof(Qualifications)}[{i}].";
            var label = $"第{i + 1}项资质：";
            Length(errors, path + nameof(QualificationRow.Type), q.Type, 2, 100, label + "请填写资质类型。", label + "资质类型至少2个字符。");
            Length(errors, path + nameof(QualificationRow.Number), q.Number, 2, 100, label + "请填写证书编号。", label + "证书编号至少2个字符。");
            Length(errors, path + nameof(QualificationRow.Issuer), q.Issuer, 2, 100, label + "请填写发证机关。", label + "发证机关至少2个字符。");
        }
        for (var i = 0; i < KeyStaff.Count; i++)
        {
            var s = KeyStaff[i];
            var path = $"{nameof(KeyStaff)}[{i}].";
            var label = $"第{i + 1}名关键人员：";
            Length(errors, path + nameof(StaffRow.Name), s.Name, 2, 50, label + "请填写姓名。", label + "姓名应为2至50个字符。");
            if (CheckIdNumber(s.IdNumber) is { } staffIdError)
            {
                errors.Add(path + nameof(StaffRow.IdNumber), label + staffIdError);
            }
        }
        return errors.All;
    }

    private static void Length(FormErrors errors, string field, string? text, int min, int max, string empty, string wrong)
    {
        var length = text?.Trim().Length ?? 0;
        if (length == 0)
        {
            errors.Add(field, empty);
        }
        else if (length < min || length > max)
        {
            errors.Add(field, wrong);
        }
    }

    /// <summary>A row the domain builds itself (a contact): its own refusal is the field's message.</summary>
    private static void Row(FormErrors errors, string field, Action build)
    {
        try
        {
            build();
        }
        catch (DomainException e)
        {
            errors.Add(field, e.Message);
        }
    }

    /// <summary>Field checks for the form; the domain checks again on save.</summary>
    public static string? CheckCreditCode(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写统一社会信用代码。" : Domain.Common.CreditCode.Validate(text);

    public static string? CheckIdNumber(string? text) => string.IsNullOrWhiteSpace(text) ? "请填写身份证号码。" : IdNumber.Validate(text);
}
