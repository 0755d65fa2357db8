using Microsoft.Extensions.DependencyInjection;
using Rsspot.Emulator.Auth;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Diagnostics;
using Rsspot.Emulator.Faults;
using Rsspot.Emulator.Kube;
using Rsspot.Emulator.Market;
using Rsspot.Emulator.Schema;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Hosting;

/// <summary>The emulator's singletons, built once per instance and shared by the web app and <see cref="EmulatorHost"/>.</summary>
internal sealed class EmulatorServices
{
    public EmulatorServices(EmulatorOptions options)
    {
        Options = options;
        Tokens = new TokenService(options);
        Catalog = new SpotCatalog();
        Market = new MarketBoard(options);
        Prices = new PriceDocuments(Catalog, Market);
        Organizations = new OrganizationDirectory(options.OrganizationName);
        State = new EmulatorState(options.DataFile is null ? null : new StateFile(options.DataFile));
        KubePaths = new KubePaths();
        KubeTokens = new KubeTokenService(options);
        Reconciler = new StatusReconciler(Catalog, Market, options, KubePaths, new VmStatus(Catalog, Market, options));
        Resources = new ResourceService(State, Organizations, new ResourceValidator(Catalog, new SchemaValidator(SpecSchemas.Shared)), Reconciler, options);
        Vms = new VmInventory(State, options);
        Journal = new RequestJournal();
        Faults = new FaultInjector(options.Faults);
        if (!State.WasLoaded)
        {
            Vms.Seed(Organizations.Primary.Namespace);
            lock (State.Gate)
            {
                State.Commit();
            }
        }
    }

    public EmulatorOptions Options { get; }

    public TokenService Tokens { get; }

    public SpotCatalog Catalog { get; }

    public MarketBoard Market { get; }

    public PriceDocuments Prices { get; }

    public OrganizationDirectory Organizations { get; }

    public EmulatorState State { get; }

    public StatusReconciler Reconciler { get; }

    public KubePaths KubePaths { get; }

    public KubeTokenService KubeTokens { get; }

    public ResourceService Resources { get; }

    public VmInventory Vms { get; }

    public RequestJournal Journal { get; }

    public FaultInjector Faults { get; }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddSingleton(Options);
        services.AddSingleton(Tokens);
        services.AddSingleton(Catalog);
        services.AddSingleton(Market);
        services.AddSingleton(Prices);
        services.AddSingleton(Organizations);
        services.AddSingleton(State);
        services.AddSingleton(Resources);
        services.AddSingleton(Vms);
        services.AddSingleton(Journal);
        services.AddSingleton(Faults);
        services.AddSingleton(KubePaths);
        services.AddSingleton(KubeTokens);
    }
}
