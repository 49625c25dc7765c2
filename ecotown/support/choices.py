from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    """What a target of an upgrade project's terms of reference counts (seed 001, 5.3, 5.4 and 5.6)."""

    FACTORIES_TRAINED = "factories_trained", _("Factories trained")
    FACTORIES_ON_STUDY_VISITS = "factories_on_study_visits", _("Factories on study visits")
    CONSULTING_MAN_DAYS = "consulting_man_days", _("Consulting man-days")
    MEETINGS_PER_PROVINCE = "meetings_per_province", _("Committee meetings in the province")
    WORKSHOP_PARTICIPANTS = "workshop_participants", _("Workshop participants")


# The seed's terms (seed 001): the default targets of a new project, each kept as a data row on the project.
SEED_TARGETS = {
    Measure.FACTORIES_TRAINED: 30,
    Measure.FACTORIES_ON_STUDY_VISITS: 30,
    Measure.CONSULTING_MAN_DAYS: 60,
    Measure.MEETINGS_PER_PROVINCE: 2,
    Measure.WORKSHOP_PARTICIPANTS: 50,
}


class DeliverableKind(models.TextChoices):
    """The deliverables of the terms of reference (seed 001, 5.1–5.7)."""

    INCEPTION_REPORT = "inception_report", _("Inception report")
    DRAFT_ACTION_PLAN = "draft_action_plan", _("Draft action plan")
    FINAL_ACTION_PLAN = "final_action_plan", _("Final action plan")
    FACTORY_DATABASE = "factory_database", _("Factory database")
    TRAINING = "training", _("Training")
    STUDY_VISITS = "study_visits", _("Study visits")
    CONSULTING_REPORTS = "consulting_reports", _("Consulting reports")
    UPGRADE_REPORT = "upgrade_report", _("Area upgrade report")


class DeliverableStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to DIW")
    ACCEPTED = "accepted", _("Accepted by DIW")
    RETURNED = "returned", _("Returned with comments")


class ConsultingTopic(models.TextChoices):
    """What in-depth consulting covers (seed 001, 5.6: environmental and safety management, CSR-DIW or other
    tools)."""

    ENVIRONMENTAL_MANAGEMENT = "environmental_management", _("Environmental management")
    SAFETY = "safety", _("Occupational safety")
    CSR_DIW = "csr_diw", _("CSR-DIW")
    GREEN_INDUSTRY = "green_industry", _("Green Industry")
    RESOURCE_EFFICIENCY = "resource_efficiency", _("Resource efficiency")
    WASTE_MANAGEMENT = "waste_management", _("Industrial waste management")
    ENERGY = "energy", _("Energy conservation")
    CHEMICAL_SAFETY = "chemical_safety", _("Hazardous substances and chemical safety")
    OTHER = "other", _("Other")


class TeamPosition(models.TextChoices):
    PROJECT_MANAGER = "project_manager", _("Project manager")
    EXPERT = "expert", _("Expert")
    CONSULTANT = "consultant", _("Consultant")
    COORDINATOR = "coordinator", _("Coordinator")
