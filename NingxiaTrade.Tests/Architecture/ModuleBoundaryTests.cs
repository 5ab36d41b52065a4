using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Tests.Architecture;

/// <summary>
/// Issue 9 item 19: a module's code (namespaces <c>NingxiaTrade.Domain.&lt;Folder&gt;</c> and
/// <c>NingxiaTrade.Workbench.Features.&lt;Folder&gt;</c>) uses no type of another module except what that module publishes:
/// its read interface and the records it answers with. Reading another module's table counts: <c>db.MarketEntities</c>
/// returns <c>DbSet&lt;MarketEntity&gt;</c>, a reference to the entity type, and so does a lambda over it.
/// </summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>A module: its folders (Domain and Workbench Features) and the types other modules may use.</summary>
    public sealed record Module(string Name, string[] Folders, Type[] Published);

    /// <summary>
    /// The checked modules; adding one is one line. Shared by all and not listed: Common, Accounts (ICurrentUser, roles),
    /// Audit, Data (the context itself), and the reference data every module reads (Organisations, Calendar).
    /// </summary>
    public static readonly Module[] Modules =
    [
        // The workflow runtime is part of the projects module (registered by AddProjectsModule).
        new("Projects", ["Projects", "Workflows"],
            [typeof(IProjectDirectory), typeof(ProjectSummary), typeof(LotSummary), typeof(ProjectLot), typeof(TradeMethod), typeof(TradeMethods),
             // The workflow's extension points: later modules answer facts (bids.count), hear step changes, and put
             // single-item duties (one bidder's deposit refund) on the duty list.
             typeof(NingxiaTrade.Domain.Workflows.IWorkflowFactSource), typeof(NingxiaTrade.Domain.Workflows.IWorkflowEventHandler),
             typeof(NingxiaTrade.Domain.Workflows.WorkflowStepChanged), typeof(ItemDuties), typeof(ItemDutyRequest), typeof(ItemDutyPeriod),
             // Other modules' rules on the bid deadline (an amendment's notice period) and moves of it through the workflow.
             typeof(IBidDeadlineFloorSource), typeof(BidDeadlineFloor), typeof(IBidDeadlineExtender), typeof(BidDeadlineExtension), typeof(MovedBidDeadline),
             typeof(NingxiaTrade.Workbench.Features.Workflows.Public.PublicHeader)]),
        new("MarketEntities", ["MarketEntities"],
            [typeof(IMarketEntityDirectory), typeof(EntityCard), typeof(MarketEntityRef), typeof(EntityRelation), typeof(MarketEntityKind), typeof(MarketEntityStatus), typeof(MarketEntityNames),
             // The registered 基本账户 the directory answers with (engineering deposits come from it).
             typeof(BankAccountForm),
             // The registry's own screens' service (role-checked) and the shared pieces other screens reuse.
             typeof(MarketEntityDirectory), typeof(NingxiaTrade.Workbench.Features.MarketEntities.EntityFormModel),
             // Signing with an entity's own seal (the service checks the account owns it) and what it answers.
             typeof(SignatureService), typeof(SignatureRecord), typeof(DocumentDigest),
             // The national algorithms themselves (SM2/SM3/SM4, Argon2id cost): primitives without data.
             typeof(SealCrypto), typeof(SealKdf),
             typeof(NingxiaTrade.Workbench.Features.MarketEntities.Components.ReasonDialog)]),
        new("Credit", ["Credit"],
            [typeof(CreditGate), typeof(CreditGateResult),
             // An entity's credit file as the credit module shows it (its own access rules), and the repair request from it.
             typeof(CreditQueries), typeof(CreditFile), typeof(CreditRepairService), typeof(NingxiaTrade.Workbench.Features.Credit.Components.CreditSummary)]),
        new("Experts", ["Experts"],
            [typeof(NingxiaTrade.Domain.Experts.IExpertCommittee), typeof(NingxiaTrade.Domain.Experts.PublishedCommittee),
             typeof(NingxiaTrade.Domain.Experts.PublishedCommitteeMember)]),
        new("Rules", ["Rules"], []),
        new("Bidding", ["Bidding"],
            // The project page shows the project's tender documents with the bidding module's own access rules.
            [typeof(NingxiaTrade.Workbench.Features.Bidding.Components.TenderDocumentsPanel),
             typeof(NingxiaTrade.Workbench.Features.Bidding.Components.OpeningsPanel),
             // The project page's deposit list (confidential: the panel and the service check clerk or supervisor), and the
             // deposit status each bidder had, for the opening record.
             typeof(NingxiaTrade.Workbench.Features.Bidding.Components.DepositsPanel), typeof(NingxiaTrade.Domain.Bidding.IDepositDirectory),
             typeof(NingxiaTrade.Domain.Bidding.DepositStatus),
             typeof(NingxiaTrade.Workbench.Features.Bidding.Components.ClarificationsPanel)]),
    ];

    private static readonly string[] Roots = ["NingxiaTrade.Domain.", "NingxiaTrade.Workbench.Features."];

    /// <summary>The module a namespace belongs to, if any.</summary>
    private static Module? ModuleOf(string ns) =>
        Modules.FirstOrDefault(m => m.Folders.Any(f => Roots.Any(r => ns == r + f || ns.StartsWith(r + f + ".", StringComparison.Ordinal))));

    public static TheoryData<string> ModuleNames() => [.. Modules.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_UsesOnlyWhatOtherModulesPublish(string name)
    {
        var module = Modules.Single(m => m.Name == name);
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(IProjectDirectory).Assembly, typeof(Program).Assembly })
        {
            var cecil = AssemblyDefinition.ReadAssembly(assembly.Location).MainModule;
            foreach (var folder in module.Folders)
            {
                foreach (var root in Roots)
                {
                    var selected = Types.InAssembly(assembly).That().ResideInNamespace(root + folder).GetTypes()
                        .Where(t => t.DeclaringType is null && t.FullName is not null)
                        .Select(t => cecil.GetType(t.FullName!))
                        .OfType<TypeDefinition>();
                    foreach (var type in selected.SelectMany(WithNested))
                    {
                        if (ModuleOf(TopLevel(type).Namespace) != module || DemoSeeding(TopLevel(type)))
                        {
                            continue;
                        }
                        foreach (var used in References(type).Select(TopLevel).Distinct())
                        {
                            var owner = ModuleOf(used.Namespace);
                            if (owner is not null && owner != module && owner.Published.All(p => p.FullName != used.FullName))
                            {
                                violations.Add($"{TopLevel(type).FullName} → {used.FullName}");
                            }
                        }
                    }
                }
            }
        }
        Assert.True(violations.Count == 0, $"模块 {name} 直接使用了其他模块未发布的类型：\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Check_ReadingAnotherModulesTable_IsCaught()
    {
        // The rule would be worthless if a DbSet of another module's entity slipped through: this fixture type in the
        // test assembly reads db.MarketEntities, and the walker must see MarketEntity.
        var fixture = AssemblyDefinition.ReadAssembly(typeof(TableReader).Assembly.Location).MainModule.GetType(typeof(TableReader).FullName);
        Assert.Contains(References(fixture).Select(TopLevel), t => t.FullName == typeof(MarketEntity).FullName);
    }

    /// <summary>
    /// Development-only demo seeders write one coherent story across modules at start-up (entities with their credit
    /// records, experts employed by entities); they are not module code paths and are left out by name.
    /// </summary>
    private static bool DemoSeeding(TypeReference type) => type.Name.EndsWith("DemoData", StringComparison.Ordinal);

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    /// <summary>Every type a type's signatures and IL name, generic arguments and element types unfolded.</summary>
    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                    {
                        Add(a);
                    }
                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void AddMethod(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters)
            {
                Add(p.ParameterType);
            }
            if (m is GenericInstanceMethod gm)
            {
                foreach (var a in gm.GenericArguments)
                {
                    Add(a);
                }
            }
        }
        Add(type.BaseType);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }
        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
        }
        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
        }
        foreach (var method in type.Methods)
        {
            AddMethod(method);
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var v in method.Body.Variables)
            {
                Add(v.VariableType);
            }
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference m:
                        AddMethod(m);
                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }
        return found;
    }
}

/// <summary>Fixture for <see cref="ModuleBoundaryTests.Check_ReadingAnotherModulesTable_IsCaught"/>: reads another module's table.</summary>
internal static class TableReader
{
    public static int Count(NingxiaTrade.Domain.Data.TradeDbContext db) => db.MarketEntities.Count();
}
