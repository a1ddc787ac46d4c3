package com.activeplatform.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activeplatform.client.ActivePlatformClient;
import com.activeplatform.client.ActivePlatformException;
import com.activeplatform.client.api.AccountsV3Api;
import com.activeplatform.client.api.PaymentsV3Api;
import com.activeplatform.client.model.Account;
import com.activeplatform.client.model.AccountCreateRequest;
import com.activeplatform.client.model.AccountCreateRequestData;
import com.activeplatform.client.model.AccountCreateRequestDataAttributes;
import com.activeplatform.client.model.AccountDocument;
import com.activeplatform.client.model.AccountUpdateRequest;
import com.activeplatform.client.model.AccountUpdateRequestData;
import com.activeplatform.client.model.AccountUpdateRequestDataAttributes;
import com.activeplatform.client.model.PaymentCompleteRequest;
import com.activeplatform.client.model.PaymentCompleteRequestData;
import com.activeplatform.client.model.PaymentCompleteRequestDataAttributes;
import com.activeplatform.client.model.PaymentCreateRequest;
import com.activeplatform.client.model.PaymentCreateRequestData;
import com.activeplatform.client.model.PaymentCreateRequestDataAttributes;
import com.activeplatform.client.model.SubscriptionDocument;
import com.activeplatform.client.model.SubscriptionUpdateRequest;
import com.activeplatform.client.model.SubscriptionUpdateRequestData;
import com.activeplatform.client.model.SubscriptionUpdateRequestDataAttributes;
import com.activeplatform.sandbox.SandboxOptions;
import com.activeplatform.sandbox.SandboxServer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner's create, read, update, state change and list flows through the generated client, against the stateful sandbox. */
class SandboxFlowTest {

  private static SandboxServer sandbox;
  private static ActivePlatformClient client;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0));
    client = ActivePlatformClient.builder().baseUrl(sandbox.baseUri().toString()).token("partner-token").build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void createReadUpdateList() {
    AccountsV3Api accounts = client.accountsV3();
    AccountDocument created = accounts.createAccount(1L, new AccountCreateRequest().data(new AccountCreateRequestData()
        .attributes(new AccountCreateRequestDataAttributes().accountTypeId(1L).primaryName("Flow Ltd")
            .firstName("Flow").lastName("Tester").email("flow@example.com"))));
    String id = created.getData().getId();
    assertThat(created.getData().getAttributes().getEmail()).isEqualTo("flow@example.com");
    assertThat(created.getData().getAttributes().getCreatedAt()).as("fresh timestamps").isNotNull();

    Account read = accounts.getAccount(1L, Long.valueOf(id)).getData();
    assertThat(read.getAttributes().getPrimaryName()).isEqualTo("Flow Ltd");

    accounts.updateAccount(1L, Long.valueOf(id), new AccountUpdateRequest().data(new AccountUpdateRequestData()
        .attributes(new AccountUpdateRequestDataAttributes().accountTypeId(1L).primaryName("Flow Renamed Ltd"))));
    assertThat(accounts.getAccount(1L, Long.valueOf(id)).getData().getAttributes().getPrimaryName()).isEqualTo("Flow Renamed Ltd");

    List<String> listed = accounts.listAccountsAll(1L, new AccountsV3Api.ListAccountsQueryParams()
        .filterEmail(List.of("flow@example.com")), 10).map(Account::getId).toList();
    assertThat(listed).containsExactly(id);
  }

  @Test
  void anUpdateChangesWhatLaterReadsSee() {
    SubscriptionDocument updated = client.subscriptionsV3().updateSubscription(1L, 3007381L, new SubscriptionUpdateRequest()
        .data(new SubscriptionUpdateRequestData().attributes(new SubscriptionUpdateRequestDataAttributes().autorenew(false))));
    assertThat(updated.getData().getAttributes().getRenewalSettings().getAutorenew()).isFalse();
    assertThat(client.subscriptionsV3().getSubscription(1L, 3007381L, null, null)
        .getData().getAttributes().getRenewalSettings().getAutorenew()).isFalse();
  }

  @Test
  void aPaymentMovesThroughItsStates() {
    PaymentsV3Api payments = client.paymentsV3();
    String id = payments.createPayment(1L, new PaymentCreateRequest().data(new PaymentCreateRequestData()
        .attributes(new PaymentCreateRequestDataAttributes().accountId(505L).total(new BigDecimal("42.50")).comment("Flow top-up"))))
        .getData().getId();
    long paymentId = Long.parseLong(id);
    assertThat(payments.getPayment(1L, paymentId, new PaymentsV3Api.GetPaymentQueryParams()).getData().getAttributes().getStatus()).isEqualTo("waiting_for_payment");

    PaymentCompleteRequest byCash = new PaymentCompleteRequest().data(new PaymentCompleteRequestData()
        .attributes(new PaymentCompleteRequestDataAttributes().paymentMethodId(2L)));
    assertThat(payments.completePayment(1L, paymentId, byCash).getData().getAttributes().getStatus()).isEqualTo("completed");
    assertThat(payments.getPayment(1L, paymentId, new PaymentsV3Api.GetPaymentQueryParams()).getData().getAttributes().getStatus()).isEqualTo("completed");

    assertThatThrownBy(() -> payments.cancelPayment(1L, paymentId))
        .isInstanceOfSatisfying(ActivePlatformException.Unprocessable.class,
            e -> assertThat(e.errors().get(0).title()).contains("waiting for payment"));
  }

  @Test
  void errorsComeInBothLocales() {
    assertThatThrownBy(() -> client.accountsV3().getAccount(1L, 987_654_321L))
        .isInstanceOfSatisfying(ActivePlatformException.NotFound.class, e -> {
          assertThat(e.errors().get(0).title()).isEqualTo("Not found");
          assertThat(e.errors().get(0).detail()).contains("987654321");
        });
    assertThatThrownBy(() -> client.withLocale("ru").accountsV3().getAccount(1L, 987_654_321L))
        .isInstanceOfSatisfying(ActivePlatformException.NotFound.class,
            e -> assertThat(e.errors().get(0).title()).isEqualTo("Не найдено"));
    assertThatThrownBy(() -> client.withLocale("ru").subscriptionsV3().updateSubscription(1L, 3007381L,
        new SubscriptionUpdateRequest().data(new SubscriptionUpdateRequestData().attributes(new SubscriptionUpdateRequestDataAttributes()))))
        .isInstanceOfSatisfying(ActivePlatformException.Unprocessable.class, e -> {
          // the generated model sends its required autorenew even when unset: as null
          assertThat(e.errors().get(0).title()).isEqualTo("Недопустимое поле");
          assertThat(e.errors().get(0).pointer()).isEqualTo("/data/attributes/autorenew");
        });
  }
}
