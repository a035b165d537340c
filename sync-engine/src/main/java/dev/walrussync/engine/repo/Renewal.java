package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase;
import dev.walrussync.engine.index.IndexDatabase.BlobRow;
import dev.walrussync.engine.index.IndexDatabase.PackRow;
import dev.walrussync.engine.index.IndexDatabase.RenewalRow;
import dev.walrussync.engine.index.IndexDatabase.VersionChunks;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.BlobId;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.ChunkType;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.LostFile;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.pack.ChunkCodec;
import dev.walrussync.engine.pack.PackEntry;
import dev.walrussync.engine.store.BlobStoreException;
import dev.walrussync.engine.store.walrus.WalrusBlobStore;
import dev.walrussync.walrus.chain.Balances;
import dev.walrussync.walrus.chain.BlobExtension;
import dev.walrussync.walrus.chain.OwnedBlob;
import dev.walrussync.walrus.chain.SystemInfo;
import dev.walrussync.walrus.chain.TransactionOutcome;
import dev.walrussync.walrus.chain.WalrusChain;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One renewal pass (docs/design/renewal.md): keeps every blob that a kept snapshot (or the key file) needs
 * alive on Walrus, and says how long the money lasts.
 *
 * <ol>
 *   <li>Walks the kept snapshots to find the pack blobs they need, with the newest snapshot that needs each.
 *   <li>A needed blob that has already expired is stored again: metadata from the local cache, data from
 *       the local files where they still hold it; what cannot be recovered is named, file by file.
 *   <li>Needed blobs whose end epoch is within the look-ahead are extended, newest data first, in
 *       transactions of up to {@link WalrusChain#MAX_EXTENSIONS_PER_TRANSACTION} blobs, never past the
 *       current epoch plus the network's maximum, and only with WAL beyond the reserve and within the
 *       monthly budget. What the money cannot cover is reported as at risk.
 *   <li>Every extension and every failed attempt goes into the renewal log in the index.
 * </ol>
 *
 * <p>Blobs nothing needs any more are not renewed: prune deletes the deletable ones, the rest expire, and
 * the index records which.
 */
public final class Renewal {
    private static final Logger LOG = LoggerFactory.getLogger(Renewal.class);
    /** Attempts per transaction before its blobs are reported as failed. */
    static final int ATTEMPTS = 3;
    /** A blob this close to its end without the money to extend it raises {@link Alert.Kind#EXPIRY_WITHOUT_FUNDS}. */
    static final int EXPIRY_ALERT_EPOCHS = 2;
    /** SUI set aside per transaction when judging whether the wallet can pay gas: 0.01 SUI. */
    static final long GAS_PER_TRANSACTION_MIST = 10_000_000;
    /** The runway is not computed beyond this many epochs (over 100 years at a day per epoch). */
    private static final long MAX_RUNWAY_EPOCHS = 40_000;

    static final Duration MONTH = Duration.ofDays(30);
    private static final String META_LAST_PASS = "last_renewal_pass";
    private static final String KEYS = "(the repository's key file: nothing can be restored without it)";

    private final Repository repo;
    private final WalrusBlobStore store;
    private final RenewalPolicy policy;
    private final Clock clock;
    private final Duration retryDelay;

    public Renewal(Repository repo, RenewalPolicy policy) throws SyncException {
        this(repo, policy, Duration.ofSeconds(2));
    }

    Renewal(Repository repo, RenewalPolicy policy, Duration retryDelay) throws SyncException {
        if (!(repo.store() instanceof WalrusBlobStore w)) {
            throw new SyncException(
                    "the repository is on " + repo.config().store() + ", not on Walrus: there is nothing to renew");
        }
        this.repo = repo;
        this.store = w;
        this.policy = policy;
        this.clock = repo.clock();
        this.retryDelay = retryDelay;
    }

    /** When the last renewal pass that was not a dry run finished, if one ever did. */
    public static Optional<Instant> lastPass(Repository repo) throws SyncException {
        return repo.index().meta(META_LAST_PASS).map(Instant::parse);
    }

    /** A blob the repository needs, and its object on chain if it is still alive. */
    private record Needed(
            BlobId blobId, Instant newestUse, @Nullable OwnedBlob live) {
        boolean isKeys(Repository repo) {
            return blobId.value().equals(repo.config().keyBlob());
        }
    }

    /** An extension to make: the blob, and how many epochs for how much. */
    private record Plan(Needed needed, int epochs, long cost) {
        OwnedBlob blob() {
            return java.util.Objects.requireNonNull(needed.live());
        }
    }

    /**
     * Runs a pass.
     *
     * @param dryRun plan only: pay nothing, change nothing
     * @param progress hears (blobs extended, blobs to extend)
     */
    public RenewalReport run(boolean dryRun, BiConsumer<Integer, Integer> progress) throws SyncException {
        SystemInfo sys = store.system();
        return run(dryRun, progress, sys, store.liveBlobs(sys.epoch()), store.balances());
    }

    /**
     * Runs a pass on chain state the caller has just read: the system object, the wallet's live blob objects
     * in that epoch, and its balances (what {@code status} reads anyway).
     */
    RenewalReport run(
            boolean dryRun,
            BiConsumer<Integer, Integer> progress,
            SystemInfo sys,
            List<OwnedBlob> liveBlobs,
            Balances balances)
            throws SyncException {
        long epoch = sys.epoch();
        Reachability.Result reach = Reachability.lenient(repo);
        Map<String, OwnedBlob> live = liveById(liveBlobs);
        List<Needed> needed = needed(reach, live);

        List<String> expired = new ArrayList<>();
        int reuploaded = 0;
        List<LostFile> lostFiles = List.of();
        List<Needed> expiredNeeded =
                needed.stream().filter(n -> n.live() == null).toList();
        for (Needed n : expiredNeeded) {
            expired.add(n.blobId().value());
            LOG.warn("blob {} expired on Walrus although snapshots need it", n.blobId());
        }
        if (!dryRun && (!expiredNeeded.isEmpty() || !reach.unlocated().isEmpty())) {
            Recovery r = recover(expiredNeeded, reach);
            reuploaded = r.reuploaded();
            lostFiles = r.lostFiles();
            // What was stored again is alive now; take it into the plan.
            reach = Reachability.lenient(repo);
            live = liveById(store.liveBlobs(epoch));
            needed = needed(reach, live);
        }

        int lookAhead = policy.lookAhead(sys.epochDuration(), sys.maxEpochsAhead());
        int extendBy = policy.extendBy(sys.epochDuration(), sys.maxEpochsAhead());
        List<Plan> due = new ArrayList<>();
        for (Needed n : needed) {
            OwnedBlob b = n.live();
            if (b == null || b.endEpoch() - epoch > lookAhead) {
                continue;
            }
            int epochs = extensionEpochs(b.endEpoch(), epoch, extendBy, sys.maxEpochsAhead());
            if (epochs > 0) {
                due.add(new Plan(n, epochs, sys.extendCost(b.storageSize(), epochs)));
            }
        }
        due.sort(Comparator.comparing((Plan p) -> p.needed().newestUse()).reversed());

        long spendable = spendable(balances.walFrost(), 0);
        List<Plan> affordable = new ArrayList<>();
        List<Plan> unaffordable = new ArrayList<>();
        long planned = 0;
        for (Plan p : due) {
            if (planned + p.cost() <= spendable) {
                affordable.add(p);
                planned += p.cost();
            } else {
                unaffordable.add(p);
            }
        }
        int transactions = transactionsFor(affordable.size());
        List<String> failures = new ArrayList<>();
        if (transactions > 0 && balances.suiMist() < GAS_PER_TRANSACTION_MIST * transactions) {
            failures.add("the wallet holds " + balances.suiMist() + " MIST of SUI, too little gas for " + transactions
                    + " renewal transaction(s); send SUI to " + store.owner());
            unaffordable.addAll(0, affordable);
            affordable.clear();
            transactions = 0;
        }

        List<RenewedBlob> renewed = new ArrayList<>();
        long walSpent = 0;
        long gasSpent = 0;
        if (dryRun) {
            for (Plan p : affordable) {
                renewed.add(renewedOf(p, null));
                walSpent += p.cost();
            }
        } else {
            Execution ex = execute(affordable, epoch, progress);
            renewed = ex.renewed();
            walSpent = ex.walSpent();
            gasSpent = ex.gasSpent();
            transactions = ex.transactions();
            failures.addAll(ex.failures());
            unaffordable.addAll(ex.failed());
            recordStates(needed, live);
        }

        // The state after the pass: new end epochs, and what is left to spend.
        Map<BlobId, Long> endAfter = new HashMap<>();
        for (RenewedBlob r : renewed) {
            endAfter.put(new BlobId(r.blobId()), r.newEndEpoch());
        }
        List<long[]> leases = new ArrayList<>();
        for (Needed n : needed) {
            if (n.live() != null) {
                long end = endAfter.getOrDefault(n.blobId(), n.live().endEpoch());
                leases.add(new long[] {SystemInfo.units(n.live().storageSize()), end});
            }
        }
        long walAfter =
                dryRun ? balances.walFrost() - walSpent : store.balances().walFrost();
        long suiAfter = dryRun ? balances.suiMist() : balances.suiMist() - gasSpent;
        Forecast forecast =
                forecast(sys, leases, spendable(walAfter, dryRun ? walSpent : 0), lookAhead, extendBy, clock.instant());
        List<AtRiskBlob> unpaid = atRisk(unaffordable);
        List<String> lostSnapshots =
                reach.unreadable().stream().map(ChunkId::hex).toList();
        List<Alert> alerts = alerts(forecast, sys, suiAfter, unpaid, expired.size());
        for (Alert a : alerts) {
            LOG.warn("{}: {}", a.kind(), a.message());
        }
        if (!dryRun) {
            repo.index().putMeta(META_LAST_PASS, clock.instant().toString());
        }
        return new RenewalReport(
                dryRun,
                epoch,
                lookAhead,
                needed.size(),
                renewed,
                unpaid,
                failures,
                transactions,
                walSpent,
                gasSpent,
                expired,
                reuploaded,
                lostFiles,
                lostSnapshots,
                forecast,
                alerts);
    }

    /** The key blob first, then every pack blob a kept snapshot needs. */
    private List<Needed> needed(Reachability.Result reach, Map<String, OwnedBlob> live) {
        List<Needed> out = new ArrayList<>();
        String keys = repo.config().keyBlob();
        out.add(new Needed(new BlobId(keys), Instant.MAX, live.get(keys)));
        for (Map.Entry<BlobId, Instant> e : reach.newestUseByBlob().entrySet()) {
            if (!e.getKey().value().equals(keys)) {
                out.add(new Needed(e.getKey(), e.getValue(), live.get(e.getKey().value())));
            }
        }
        return out;
    }

    /** For each blob ID, the live object that lasts longest (a blob stored twice has two). */
    private static Map<String, OwnedBlob> liveById(List<OwnedBlob> live) {
        Map<String, OwnedBlob> byId = new HashMap<>();
        for (OwnedBlob b : live) {
            byId.merge(b.blobId(), b, (x, y) -> x.endEpoch() >= y.endEpoch() ? x : y);
        }
        return byId;
    }

    /** Epochs to add to a blob ending at {@code end}: {@code extendBy}, but never past epoch + max ahead. */
    static int extensionEpochs(long end, long epoch, int extendBy, int maxEpochsAhead) {
        long target = Math.min(end + extendBy, epoch + maxEpochsAhead);
        return (int) Math.max(0, target - end);
    }

    static int transactionsFor(int blobs) {
        return (blobs + WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION - 1) / WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION;
    }

    /**
     * WAL renewal may spend: the balance less the reserve, and no more than what the month's budget has left
     * after the renewal log's last 30 days and {@code alsoSpent} (a dry run's plan, not yet in the log).
     */
    private long spendable(long walFrost, long alsoSpent) throws SyncException {
        long spendable = Math.max(0, walFrost - policy.reserve());
        if (policy.monthlyBudgetFrost() != null) {
            long spent = repo.index().renewalCostSince(clock.instant().minus(MONTH)) + alsoSpent;
            spendable = Math.min(spendable, Math.max(0, policy.monthlyBudgetFrost() - spent));
        }
        return spendable;
    }

    // ---- extending ----

    private record Execution(
            List<RenewedBlob> renewed,
            List<Plan> failed,
            List<String> failures,
            int transactions,
            long walSpent,
            long gasSpent) {}

    private Execution execute(List<Plan> plans, long epoch, BiConsumer<Integer, Integer> progress)
            throws SyncException {
        List<RenewedBlob> renewed = new ArrayList<>();
        List<Plan> failed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int transactions = 0;
        long walSpent = 0;
        long gasSpent = 0;
        IndexDatabase index = repo.index();
        progress.accept(0, plans.size());
        for (int from = 0; from < plans.size(); from += WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION) {
            List<Plan> batch =
                    plans.subList(from, Math.min(plans.size(), from + WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION));
            for (int attempt = 1; ; attempt++) {
                try {
                    TransactionOutcome outcome = store.extend(batch.stream()
                            .map(p -> BlobExtension.of(p.blob(), p.epochs()))
                            .toList());
                    transactions++;
                    gasSpent += outcome.gasMist();
                    List<RenewalRow> rows = new ArrayList<>();
                    for (Plan p : batch) {
                        RenewedBlob r = renewedOf(p, outcome.digest());
                        renewed.add(r);
                        walSpent += p.cost();
                        rows.add(row(p, outcome.digest(), true, null));
                        index.updateLease(p.needed().blobId(), r.objectId(), r.newEndEpoch());
                    }
                    index.logRenewals(rows);
                    break;
                } catch (BlobStoreException e) {
                    LOG.warn(
                            "renewal transaction for {} blob(s), attempt {} of {}: {}",
                            batch.size(),
                            attempt,
                            ATTEMPTS,
                            e.getMessage());
                    index.logRenewals(batch.stream()
                            .map(p -> row(p, null, false, "attempt " + e.getMessage()))
                            .toList());
                    if (attempt == ATTEMPTS) {
                        failures.add(e.getMessage());
                        failed.addAll(batch);
                        break;
                    }
                    sleep(retryDelay.multipliedBy(attempt));
                    // A blob object changes version with every transaction: take the current references.
                    batch = refreshed(batch, epoch);
                    if (batch.isEmpty()) {
                        break;
                    }
                }
            }
            progress.accept(Math.min(plans.size(), from + WalrusChain.MAX_EXTENSIONS_PER_TRANSACTION), plans.size());
        }
        return new Execution(renewed, failed, failures, transactions, walSpent, gasSpent);
    }

    /** The plans again, with each blob's current object reference; blobs that are gone drop out. */
    private List<Plan> refreshed(List<Plan> batch, long epoch) throws SyncException {
        Map<String, OwnedBlob> live = liveById(store.liveBlobs(epoch));
        List<Plan> out = new ArrayList<>();
        for (Plan p : batch) {
            OwnedBlob now = live.get(p.needed().blobId().value());
            if (now != null && now.endEpoch() == p.blob().endEpoch()) {
                out.add(new Plan(new Needed(p.needed().blobId(), p.needed().newestUse(), now), p.epochs(), p.cost()));
            }
        }
        return out;
    }

    private static RenewedBlob renewedOf(Plan p, @Nullable String digest) {
        OwnedBlob b = p.blob();
        return new RenewedBlob(
                p.needed().blobId().value(),
                b.ref().objectId().toString(),
                p.epochs(),
                b.endEpoch(),
                b.endEpoch() + p.epochs(),
                p.cost(),
                digest);
    }

    private static RenewalRow row(Plan p, @Nullable String digest, boolean ok, @Nullable String detail) {
        OwnedBlob b = p.blob();
        return new RenewalRow(
                "",
                p.needed().blobId(),
                b.ref().objectId().toString(),
                p.epochs(),
                b.endEpoch(),
                b.endEpoch() + p.epochs(),
                ok ? p.cost() : 0,
                digest,
                ok,
                detail);
    }

    private static void sleep(Duration d) throws SyncException {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("renewal was interrupted", e);
        }
    }

    /**
     * Brings the index's blob states up to date: a blob that is no longer alive on Walrus and that nothing
     * needs is {@code expired}.
     */
    private void recordStates(List<Needed> needed, Map<String, OwnedBlob> live) throws SyncException {
        Set<BlobId> neededIds = new HashSet<>();
        needed.forEach(n -> neededIds.add(n.blobId()));
        for (BlobRow row : repo.index().blobs()) {
            boolean gone = !live.containsKey(row.blobId().value());
            if (gone
                    && !neededIds.contains(row.blobId())
                    && !row.state().equals("expired")
                    && !row.state().equals("deleted")) {
                repo.index().setBlobState(row.blobId(), "expired");
            }
        }
    }

    // ---- recovering expired blobs ----

    private record Recovery(int reuploaded, List<LostFile> lostFiles) {}

    /**
     * Stores again what expired blobs held: the key file from the local copy, metadata chunks from the
     * metadata cache, data chunks from the local files where they still have that content.
     */
    private Recovery recover(List<Needed> expired, Reachability.Result reach) throws SyncException {
        IndexDatabase index = repo.index();
        Set<BlobId> expiredIds = new HashSet<>();
        for (Needed n : expired) {
            if (n.isKeys(repo)) {
                repo.replaceKeyFile(repo.keyFile());
                LOG.info("stored the key file again");
            } else {
                expiredIds.add(n.blobId());
            }
        }
        Set<ChunkId> missing = new LinkedHashSet<>(reach.unlocated());
        List<Long> packIds = new ArrayList<>();
        for (PackRow pack : index.packs()) {
            if (expiredIds.contains(pack.blobId())) {
                packIds.add(pack.id());
                for (PackEntry e : index.chunksInPack(pack.id())) {
                    if (reach.chunks().contains(e.id())) {
                        missing.add(e.id());
                    }
                }
            }
        }
        index.dropExpiredPacks(packIds);
        if (missing.isEmpty()) {
            return new Recovery(0, List.of());
        }
        Set<ChunkId> remaining = new HashSet<>(missing);
        List<VersionChunks> versions;
        try (Packer packer = repo.newPacker(false)) {
            for (ChunkId id : missing) {
                var cached = repo.metadataCache().get(id);
                if (cached.isPresent()) {
                    packer.add(cached.get());
                    remaining.remove(id);
                }
            }
            versions = index.versionsWithAnyChunk(remaining);
            Set<String> tried = new HashSet<>();
            for (VersionChunks v : versions) {
                Path file = Path.of(v.folder()).resolve(v.path());
                if (tried.add(file.toString()) && !remaining.isEmpty()) {
                    rechunk(file, remaining, packer);
                }
            }
            repo.finishRun(packer, java.util.concurrent.ConcurrentHashMap.newKeySet());
        }
        List<LostFile> lost = new ArrayList<>();
        for (VersionChunks v : versions) {
            if (v.chunks().stream().anyMatch(remaining::contains)) {
                lost.add(new LostFile(
                        v.folder() + "/" + v.path(),
                        v.size(),
                        Instant.ofEpochSecond(0, v.mtimeNanos()),
                        v.firstSnapshot().hex()));
            }
        }
        for (LostFile f : lost) {
            LOG.error(
                    "lost: {} ({} bytes, modified {}, first in snapshot {})",
                    f.path(),
                    f.size(),
                    f.modified(),
                    f.firstSnapshot().substring(0, 8));
        }
        LOG.info(
                "stored {} chunk(s) of expired blobs again; {} could not be recovered",
                missing.size() - remaining.size(),
                remaining.size());
        return new Recovery(missing.size() - remaining.size(), lost);
    }

    /** Chunks a local file and stores the chunks that are missing; a file that is gone or unreadable is skipped. */
    private void rechunk(Path file, Set<ChunkId> remaining, Packer packer) throws SyncException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ChunkCodec codec = repo.codec();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            var reader = repo.chunker().open(ch);
            byte[] chunk;
            while ((chunk = reader.next()) != null) {
                ChunkId id = codec.idOf(chunk);
                if (remaining.remove(id)) {
                    packer.add(codec.encode(ChunkType.DATA, id, chunk));
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {} to recover its chunks: {}", file, e.toString());
        }
    }

    // ---- money ----

    /**
     * The forecast for blobs given as {units, end epoch}: the cost per epoch and per month, how far the
     * spendable WAL keeps all of them, and the next renewal.
     */
    static Forecast forecast(
            SystemInfo sys, Collection<long[]> leases, long spendable, int lookAhead, int extendBy, Instant now) {
        long price = sys.storagePricePerUnit();
        long units = 0;
        long minEnd = Long.MAX_VALUE;
        for (long[] l : leases) {
            units += l[0];
            minEnd = Math.min(minEnd, l[1]);
        }
        long perEpoch = saturatingMultiply(units, price);
        long perMonth = (long) (perEpoch
                * ((double) MONTH.toMillis() / Math.max(1, sys.epochDuration().toMillis())));
        if (leases.isEmpty()) {
            return new Forecast(perEpoch, perMonth, spendable, null, null, null, null, 0);
        }
        Long fundedUntil = null;
        Duration runway = null;
        Instant runwayEnds = null;
        if (price > 0) {
            long lo = minEnd;
            long hi = minEnd + MAX_RUNWAY_EPOCHS;
            while (lo < hi) { // the largest E with cost(E) <= spendable
                long mid = lo + (hi - lo + 1) / 2;
                if (costUntil(leases, mid, price) <= spendable) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            fundedUntil = lo;
            runwayEnds = sys.epochStart().plus(sys.epochDuration().multipliedBy(lo - sys.epoch()));
            runway = Duration.between(now, runwayEnds);
            if (runway.isNegative()) {
                runway = Duration.ZERO;
            }
        }
        long dueEpoch = Math.max(sys.epoch(), minEnd - lookAhead);
        long nextCost = 0;
        for (long[] l : leases) {
            if (l[1] - dueEpoch <= lookAhead) {
                int epochs = extensionEpochs(l[1], dueEpoch, extendBy, sys.maxEpochsAhead());
                nextCost = saturatingAdd(nextCost, saturatingMultiply(saturatingMultiply(l[0], price), epochs));
            }
        }
        return new Forecast(perEpoch, perMonth, spendable, fundedUntil, runway, runwayEnds, dueEpoch, nextCost);
    }

    /** WAL to keep every blob alive until {@code epoch}. */
    private static long costUntil(Collection<long[]> leases, long epoch, long price) {
        long cost = 0;
        for (long[] l : leases) {
            if (epoch > l[1]) {
                cost = saturatingAdd(cost, saturatingMultiply(saturatingMultiply(l[0], price), epoch - l[1]));
            }
        }
        return cost;
    }

    /** What the user must act on, from the forecast, the gas, the blobs at risk and the expired ones. */
    static List<Alert> alerts(Forecast f, SystemInfo sys, long suiMist, List<AtRiskBlob> unpaid, int expired) {
        List<Alert> alerts = new ArrayList<>();
        Duration runway = f.runway();
        if (runway != null) {
            String when = "the wallet's WAL keeps the data stored until epoch " + f.fundedUntilEpoch() + " ("
                    + f.runwayEnds() + "), " + runway.toDays() + " day(s) from now; add WAL to keep it longer";
            if (runway.compareTo(Duration.ofDays(7)) < 0) {
                alerts.add(new Alert(Alert.Kind.RUNWAY_BELOW_7_DAYS, "less than 7 days of storage left: " + when));
            } else if (runway.compareTo(Duration.ofDays(14)) < 0) {
                alerts.add(new Alert(Alert.Kind.RUNWAY_BELOW_14_DAYS, "less than 14 days of storage left: " + when));
            } else if (runway.compareTo(Duration.ofDays(30)) < 0) {
                alerts.add(new Alert(Alert.Kind.RUNWAY_BELOW_30_DAYS, "less than 30 days of storage left: " + when));
            }
        }
        if (f.nextRenewalEpoch() != null && f.nextRenewalFrost() > f.spendableFrost()) {
            alerts.add(new Alert(
                    Alert.Kind.CANNOT_PAY_NEXT_RENEWAL,
                    "the next renewal (epoch " + f.nextRenewalEpoch() + ") costs " + f.nextRenewalFrost()
                            + " FROST of WAL, but only " + f.spendableFrost() + " FROST may be spent"));
        } else if (f.nextRenewalEpoch() != null && suiMist < GAS_PER_TRANSACTION_MIST) {
            alerts.add(new Alert(
                    Alert.Kind.CANNOT_PAY_NEXT_RENEWAL,
                    "the wallet has " + suiMist + " MIST of SUI, too little to pay gas for the next renewal"));
        }
        List<AtRiskBlob> imminent = unpaid.stream()
                .filter(b -> b.endEpoch() - sys.epoch() <= EXPIRY_ALERT_EPOCHS)
                .toList();
        if (!imminent.isEmpty()) {
            SortedSet<String> files = new TreeSet<>();
            imminent.forEach(b -> files.addAll(b.files()));
            alerts.add(new Alert(
                    Alert.Kind.EXPIRY_WITHOUT_FUNDS,
                    imminent.size() + " blob(s) expire within " + EXPIRY_ALERT_EPOCHS
                            + " epochs and the wallet cannot extend them; " + files.size()
                            + " file(s) would be lost: " + abbreviate(files)));
        }
        if (expired > 0) {
            alerts.add(new Alert(
                    Alert.Kind.DATA_EXPIRED,
                    expired + " blob(s) that snapshots need have expired; a renewal pass stores their data"
                            + " again where local files still hold it, and names the files it cannot recover"));
        }
        return alerts;
    }

    private static String abbreviate(SortedSet<String> files) {
        List<String> first = files.stream().limit(5).toList();
        return String.join(", ", first) + (files.size() > first.size() ? ", …" : "");
    }

    /** The blobs that could not be paid for, with the files that depend on them. */
    private List<AtRiskBlob> atRisk(List<Plan> plans) throws SyncException {
        if (plans.isEmpty()) {
            return List.of();
        }
        Map<BlobId, SortedSet<String>> files = repo.index().filesByBlob();
        List<AtRiskBlob> out = new ArrayList<>();
        for (Plan p : plans) {
            List<String> names = p.needed().isKeys(repo)
                    ? List.of(KEYS)
                    : List.copyOf(files.getOrDefault(p.needed().blobId(), new TreeSet<>()));
            out.add(new AtRiskBlob(
                    p.needed().blobId().value(),
                    p.blob().ref().objectId().toString(),
                    p.blob().endEpoch(),
                    p.cost(),
                    names));
        }
        return out;
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
