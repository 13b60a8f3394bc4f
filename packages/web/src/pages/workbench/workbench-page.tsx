import { Alert, App, Button, Card, Col, Flex, Form, Row, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { type CallView, fetchCurrentCalls, postCtiEvent } from '../../api/cti';
import {
  type DecisionEvent,
  type DupCandidate,
  type EmergencyTarget,
  fetchCallerHistory,
  fetchCategories,
  fetchPhrases,
  type IntakeDecision,
  type IntakeDraft,
  type ScopeMatch,
  checkIntake,
  createIntakeOrder,
  linkOrders,
} from '../../api/intake';
import type { KbArticle } from '../../api/kb-search';
import { useCurrentUser } from '../../auth/auth-context';
import { applyIssues } from '../../lib/form-issues';
import { useAsync } from '../../lib/use-async';
import { answerFromArticle } from './article-answer';
import { ArticleDrawer } from './article-drawer';
import { CallBar } from './call-bar';
import { CallerHistoryPanel } from './caller-history-panel';
import { buildCategoryTree } from '../../lib/category-tree';
import { DecisionBar } from './decision-bar';
import { DecisionModal } from './decision-modal';
import { type DecisionRequest, eventLabel } from './decision-request';
import { loadDraft, saveDraft } from './draft-storage';
import { DuplicatesPanel } from './duplicates-panel';
import { EmergencyButtons, type TransferMethod } from './emergency-buttons';
import { FiveElements } from './five-elements';
import { IntakeForm } from './intake-form';
import {
  cleanPhone,
  defaultKbQuery,
  INITIAL_INTAKE,
  INTAKE_FIELD_NAMES,
  type IntakeValues,
  intakeSummary,
  isValidPhone,
  toIntakeDraft,
  toTransferDraft,
  worthChecking,
} from './intake-values';
import { KnowledgePanel } from './knowledge-panel';
import { PhrasePanel } from './phrase-panel';
import { phraseValues } from './phrase-text';
import type { IntakeResult } from './result-card';
import { ResultCard } from './result-card';
import { ScopeBanner } from './scope-banner';
import { useCallStream } from './use-call-stream';
import { useCalls } from './use-calls';
import { useLiveQuery } from './use-live-query';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Nothing typed yet but what the screen pop filled in (the number and the call id). */
const isPristine = (values: IntakeValues) =>
  ['callerName', 'title', 'content', 'address'].every((name) => text(values[name]) === '');

/**
 * 受理台: the agent's desk during a call — screen pop from the CTI, caller history, the intake form with
 * live checks (five elements, scope, duplicates), service phrases and the knowledge base, and the
 * decision that creates and decides the order in one step.
 */
export function WorkbenchPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntakeValues>();
  const saved = useMemo(() => loadDraft(), []);
  const [values, setValues] = useState<IntakeValues>(() => saved?.values ?? INITIAL_INTAKE);
  const [result, setResult] = useState<IntakeResult | null>(saved?.result ?? null);
  const [linked, setLinked] = useState<ReadonlySet<string>>(() => new Set(saved?.linked ?? []));
  const [busy, setBusy] = useState(false);
  const [pageError, setPageError] = useState<string | null>(null);
  const [request, setRequest] = useState<DecisionRequest | null>(null);
  const [articleId, setArticleId] = useState<string | null>(null);
  const [pendingCall, setPendingCall] = useState<CallView | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [kbKey, setKbKey] = useState(0);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const resultRef = useRef(result);
  resultRef.current = result;

  // A reload restores what the agent had typed (the form mounts with its initial values first).
  useEffect(() => {
    if (saved) form.setFieldsValue(saved.values);
  }, [form, saved]);

  useEffect(() => {
    saveDraft({ callId: text(values.callId) || null, values, result, linked: [...linked] });
  }, [values, result, linked]);

  const syncValues = useCallback(() => setValues({ ...form.getFieldsValue(true) }), [form]);

  const startCall = useCallback(
    (call: CallView | null) => {
      form.resetFields();
      if (call) form.setFieldsValue({ callerPhone: call.caller ?? undefined, callId: call.callId });
      setValues({ ...form.getFieldsValue(true) });
      setResult(null);
      setLinked(new Set());
      setPendingCall(null);
      setPageError(null);
      setKbKey((key) => key + 1);
      window.setTimeout(() => form.focusField('callerName'), 0);
    },
    [form],
  );

  // Screen pop: a new call fills the form unless the agent is still recording another one.
  const onPop = useCallback(
    (call: CallView) => {
      const current = valuesRef.current;
      if (text(current.callId) === call.callId) return;
      if (resultRef.current || isPristine(current)) startCall(call);
      else setPendingCall(call);
    },
    [startCall],
  );
  const calls = useCalls(onPop);
  const streamStatus = useCallStream(calls.apply, calls.restore);

  const categories = useAsync(fetchCategories);
  const categoryTree = useMemo(
    () => (categories.data ? buildCategoryTree(categories.data.items) : null),
    [categories.data],
  );
  const phrases = useAsync(fetchPhrases);

  // Live checks while the agent types (debounced; a newer draft aborts the older request).
  const draft = useMemo(() => toIntakeDraft(values), [values]);
  const checkKey = !result && worthChecking(draft) ? JSON.stringify(draft) : null;
  const check = useLiveQuery(checkKey, (signal) => checkIntake(draft, signal), 400);
  const checkData = checkKey ? check.data : undefined;

  const phone =
    values.anonymous !== true && isValidPhone(values.callerPhone) ? cleanPhone(values.callerPhone) : null;
  const history = useLiveQuery(phone, (signal) => fetchCallerHistory(phone ?? '', signal), 300);
  const harassment = phone && history.data?.phone === phone && history.data.flag.harassment;

  /** Validates the form before a decision that needs it; shows the agent what is missing. */
  const formReady = async (): Promise<boolean> => {
    try {
      await form.validateFields();
      return true;
    } catch (error) {
      const first = (error as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      message.warning('请先完善受理信息中标红的字段');
      return false;
    }
  };

  /** Creates the order with its decision (one request), links the chosen orders, shows the result. */
  const decide = async (decision: IntakeDecision, order: IntakeDraft): Promise<void> => {
    setBusy(true);
    setPageError(null);
    try {
      const created = await createIntakeOrder(order, decision);
      let related = created.related;
      let warning: string | undefined;
      for (const relatedOrderId of linked) {
        try {
          related = (await linkOrders(created.id, relatedOrderId)).items;
        } catch (error) {
          warning = `工单已受理，但关联失败：${errorMessage(error)}`;
        }
      }
      const knowledge = created.knowledgeAnswer;
      setResult({
        id: created.id,
        orderNo: created.orderNo,
        status: created.status,
        statusLabel: created.statusLabel,
        decision: eventLabel(decision.event),
        article: knowledge ? { title: knowledge.articleTitle, version: knowledge.articleVersion } : null,
        related,
        warning,
      });
      message.success(`工单 ${created.orderNo} 已${eventLabel(decision.event)}`);
    } catch (error) {
      if (isApiError(error) && error.issues.length)
        applyIssues(form, error.issues, INTAKE_FIELD_NAMES, 'order.');
      throw error;
    } finally {
      setBusy(false);
    }
  };

  const submitDecision = (decision: IntakeDecision) => {
    const current = form.getFieldsValue(true) as IntakeValues;
    return decide(
      decision,
      decision.event === 'transfer_out' ? toTransferDraft(current) : toIntakeDraft(current),
    );
  };

  /** One click: the transfer is recorded whatever the form holds (after a decision: a fresh order). */
  const transfer = async (target: EmergencyTarget, method: TransferMethod, outcome?: string) => {
    const current = form.getFieldsValue(true) as IntakeValues;
    const source = result
      ? {
          channel: current.channel,
          callerName: current.callerName,
          callerPhone: current.callerPhone,
          callId: current.callId,
        }
      : current;
    const input: IntakeDecision['input'] = { target, method };
    if (outcome?.trim()) input.outcome = outcome.trim();
    try {
      await decide({ event: 'transfer_out', input }, toTransferDraft(source));
    } catch (error) {
      setPageError(`转接记录失败：${errorMessage(error)}`);
      message.error(errorMessage(error));
    }
  };

  const choose = async (event: DecisionEvent) => {
    if (event === 'transfer_out') {
      setRequest({ event });
      return;
    }
    if (!(await formReady())) return;
    if (event === 'submit_for_dispatch') {
      try {
        await submitDecision({ event, input: {} });
      } catch (error) {
        setPageError(errorMessage(error));
      }
      return;
    }
    setRequest({ event });
  };

  const rejectWith = async (match: ScopeMatch) => {
    if (!(await formReady())) return;
    setRequest({ event: 'reject', reasonCode: match.reasonCode, channelTold: match.script });
  };

  const mergeInto = async (candidate: DupCandidate) => {
    if (!(await formReady())) return;
    setRequest({ event: 'merge', target: candidate });
  };

  const answerWith = async (article: KbArticle) => {
    setArticleId(null);
    if (!(await formReady())) return;
    setRequest({
      event: 'answer_directly',
      answer: answerFromArticle(article).slice(0, 2000),
      article:
        article.publishedVersion !== null
          ? { id: article.id, version: article.publishedVersion, title: article.title }
          : undefined,
    });
  };

  const toggleLink = (candidate: DupCandidate) =>
    setLinked((prev) => {
      const next = new Set(prev);
      if (next.has(candidate.id)) next.delete(candidate.id);
      else next.add(candidate.id);
      return next;
    });

  const simulate = async (caller: string) => {
    const callId = `SIM-${Date.now().toString(36).toUpperCase()}`;
    setSimulating(true);
    try {
      await postCtiEvent({ type: 'newCall', callId, caller, agent: user.username });
      await postCtiEvent({ type: 'answer', callId, agent: user.username });
      // The stream normally pops the call; reading the current calls also covers a dropped stream.
      calls.restore((await fetchCurrentCalls()).items);
    } catch (error) {
      message.error(`模拟来电失败：${errorMessage(error)}`);
    } finally {
      setSimulating(false);
    }
  };

  const hangup = async (call: CallView) => {
    try {
      await postCtiEvent({ type: 'hangup', callId: call.callId, agent: user.username, cause: 'agent' });
      calls.restore((await fetchCurrentCalls()).items);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const candidates = [...(checkData?.duplicates.sameCaller ?? []), ...(checkData?.duplicates.similar ?? [])];

  return (
    <Flex vertical gap={12} data-testid="workbench">
      <Card
        size="small"
        style={{ position: 'sticky', top: 0, zIndex: 10 }}
        styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8 } }}
      >
        <CallBar
          status={streamStatus}
          call={calls.current}
          busy={simulating}
          onSimulate={(caller) => void simulate(caller)}
          onHangup={(call) => void hangup(call)}
        />
        <EmergencyButtons
          busy={busy}
          disabled={false}
          onTransfer={(target, method) => void transfer(target, method)}
        />
      </Card>
      {pendingCall && (
        <Alert
          type="info"
          showIcon
          data-testid="pending-call"
          title={`新来电 ${pendingCall.caller ?? ''}（${pendingCall.callId}）：当前表单尚未提交`}
          action={
            <Button size="small" onClick={() => startCall(pendingCall)} data-testid="pending-call-take">
              放弃当前内容并接入
            </Button>
          }
          closable
          onClose={() => setPendingCall(null)}
        />
      )}
      {pageError && (
        <Alert
          type="error"
          showIcon
          closable
          title={pageError}
          onClose={() => setPageError(null)}
          data-testid="workbench-error"
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={12}>
            {!result && (
              <ScopeBanner
                scope={checkData?.scope}
                busy={busy}
                disabled={false}
                onTransfer={(target, method, outcome) => void transfer(target, method, outcome)}
                onReject={(match) => void rejectWith(match)}
              />
            )}
            <Card
              size="small"
              title="受理信息"
              data-testid="intake-card"
              extra={
                harassment ? (
                  <Tag color="red" data-testid="harassment-tag">
                    骚扰号码
                  </Tag>
                ) : null
              }
            >
              {result && <ResultCard result={result} onNext={() => startCall(pendingCall)} />}
              <IntakeForm
                form={form}
                categories={categoryTree}
                disabled={busy || result !== null}
                onValuesChange={() => syncValues()}
                categoryHint={
                  categories.data?.items.find((item) => item.code === values.category)?.emergencyHint
                }
                contentExtra={
                  <FiveElements
                    elements={checkData?.fiveElements}
                    missing={checkData?.missing}
                    checking={check.loading && checkKey !== null}
                  />
                }
              />
              {!result && (
                <DecisionBar busy={busy} disabled={false} onChoose={(event) => void choose(event)} />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={12}>
            <CallerHistoryPanel phone={phone} history={history} />
            <DuplicatesPanel
              duplicates={checkData?.duplicates}
              linked={linked}
              disabled={busy || result !== null}
              onMerge={(candidate) => void mergeInto(candidate)}
              onToggleLink={toggleLink}
            />
            <KnowledgePanel
              key={kbKey}
              defaultQuery={defaultKbQuery(values)}
              question={text(values.title) || text(values.content)}
              category={text(values.category) || undefined}
              orderId={result?.id}
              onOpen={setArticleId}
            />
            <PhrasePanel
              phrases={phrases.data?.items}
              error={phrases.error}
              values={phraseValues(user.username || user.id, values, checkData)}
              summary={intakeSummary(values)}
            />
          </Flex>
        </Col>
      </Row>
      {request && (
        <DecisionModal
          request={request}
          candidates={candidates}
          onClose={() => setRequest(null)}
          onSubmit={submitDecision}
        />
      )}
      {articleId && (
        <ArticleDrawer
          articleId={articleId}
          disabled={busy || result !== null}
          onClose={() => setArticleId(null)}
          onAnswer={(article) => void answerWith(article)}
        />
      )}
    </Flex>
  );
}
