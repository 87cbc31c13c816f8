import type { Plan } from './plans';

const rank: Record<Plan, number> = { team: 0, growth: 1, professional: 2, enterprise: 3, enterprise_plus: 4 };
const atLeast = (plan: Plan, minimum: Plan) => rank[plan] >= rank[minimum];

/**
 * The plan-dependent part of `GET /api/v2/account/settings` (`settings.active_features` and a few
 * per-section flags). Which flag needs which plan follows Zendesk's plan comparison; clients use the
 * flags to enable features, so an Enterprise account must not look like Team.
 */
export function planFeatures(plan: Plan) {
  return {
    active_features: {
      on_hold_status: atLeast(plan, 'growth'),
      user_tagging: true,
      ticket_tagging: true,
      topic_suggestion: false,
      voice: false,
      business_hours: atLeast(plan, 'professional'),
      facebook_login: false,
      google_login: false,
      twitter_login: false,
      forum_analytics: true,
      agent_forwarding: false,
      chat: false,
      chat_about_my_ticket: false,
      customer_satisfaction: atLeast(plan, 'growth'),
      satisfaction_prediction: atLeast(plan, 'enterprise'),
      csat_reason_code: atLeast(plan, 'professional'),
      markdown: true,
      bcc_archiving: false,
      allow_ccs: true,
      advanced_analytics: false,
      sandbox: atLeast(plan, 'enterprise'),
      suspended_ticket_notification: false,
      twitter: true,
      facebook: true,
      dynamic_contents: atLeast(plan, 'professional'),
      light_agents: atLeast(plan, 'professional'),
      ticket_forms: atLeast(plan, 'professional'),
      user_org_fields: atLeast(plan, 'growth'),
      is_abusive: false,
      rich_content_in_emails: true,
      fallback_composer: false,
      insights: false,
      good_data_and_explore: false,
      explore: true,
      explore_on_support_pro_plan: plan === 'professional',
      explore_on_support_ent_plan: atLeast(plan, 'enterprise'),
      benchmark_opt_out: false,
      custom_dkim_domain: true,
      allow_email_template_customization: true,
      customer_context_as_default: false,
      automatic_answers: false,
    },
    user: {
      tagging: true,
      time_zone_selection: true,
      language_selection: true,
      multiple_organizations: atLeast(plan, 'professional'),
      agent_created_welcome_emails: true,
      end_user_phone_number_validation: false,
      have_gravatars_enabled: true,
    },
    tickets: {
      comments_public_by_default: true,
      is_first_comment_private_enabled: true,
      list_newest_comments_first: true,
      collaboration: true,
      private_attachments: false,
      email_attachments: false,
      agent_collision: true,
      tagging: true,
      list_empty_views: true,
      maximum_personal_views_to_list: 8,
      status_hold: atLeast(plan, 'growth'),
      markdown_ticket_comments: false,
      rich_text_comments: true,
      emoji_autocompletion: true,
      agent_ticket_deletion: false,
      has_color_text: true,
      assign_tickets_upon_solve: true,
      allow_group_reset: true,
      assign_default_organization: true,
    },
    brands: { default_brand_id: 1, require_brand_on_new_tickets: false },
    groups: { check_group_name_uniqueness: true },
    // Multibrand is a Professional feature; Enterprise Plus raises the ceiling.
    limits: {
      attachment_size: 52_428_800,
      brands: plan === 'enterprise_plus' ? 300 : atLeast(plan, 'professional') ? 5 : 1,
    },
  };
}
